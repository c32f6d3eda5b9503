package io.sluice.loadgen.rtmp;

import io.sluice.loadgen.Options;
import io.sluice.loadgen.auth.AuthApi;
import io.sluice.loadgen.measure.ProcessUsage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Publishes N streams from one FLV file to an RTMP or RTMPS server and measures what that costs the
 * server. Publishers connect one after the other over {@code --ramp}; after {@code --warmup} the measured
 * window of {@code --duration} starts; a progress line every five seconds shows the run as it goes. The
 * server is any process of this machine ({@code --server-pid}: Sluice's ingest or nginx's master, whose
 * workers count too); {@code --metrics} adds the ingest service's own counts and its read-to-Kafka-ack
 * latency histogram. The exit status is 1 when any publisher failed, so a script sees a broken run.
 */
public final class RtmpLoad {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    /** Publishers stop a little after the window, so its last reading still sees every one publishing. */
    private static final Duration STOP_AFTER_WINDOW = Duration.ofSeconds(2);
    /** Unpublishing is a few small writes; a publisher still busy after this is reported as it stands. */
    private static final Duration PUBLISHERS_STOP_WITHIN = Duration.ofSeconds(30);

    private final Options options;

    private RtmpLoad(Options options) {
        this.options = options;
    }

    /** The options this command reads. */
    public static Options declare(Options options) {
        return options
                .declare("url", null, "the server and application, rtmp[s]://host:port/app (required)")
                .declare("clip", null, "the FLV file each stream sends in a loop (required)")
                .declare("streams", "1", "how many streams publish at once")
                .declare("pace", "realtime", "realtime: each stream at the clip's own rate; max: as fast as the server reads")
                .declare("ramp", "5s", "time over which the publishers connect, one after the other")
                .declare("warmup", "10s", "time after the ramp before measuring")
                .declare("duration", "60s", "the measured window")
                .declare("chunk-size", "4096", "the chunk size the publishers announce and send with")
                .declare("label", "server", "the server's name in the output")
                .declare("server-pid", null, "the server's process id: its CPU and memory are measured (required)")
                .declare("broker-pid", null, "the Kafka broker's process id, whose CPU is reported too")
                .declare("metrics", null, "the ingest service's Prometheus endpoint, e.g. http://localhost:8081/q/metrics")
                .declare("stream-prefix", "load", "stream names prefix-1..N, for a server without stream keys")
                .declare("keys-file", null, "stream keys, one per line, instead of names")
                .declare("create-streams", "false", "create the live streams through the auth API, delete them after")
                .declare("api", "http://localhost:8080", "the auth API, with --create-streams")
                .declare("oidc", "http://localhost:8180/realms/sluice", "the OpenID provider, with --create-streams")
                .declare("client", "sluice-cli", "the public client, with --create-streams")
                .declare("user", "alice", "the user creating the streams, with --create-streams")
                .declare("password", null, "the user's password (default: the user name, as for the demo users)")
                .declare("trust-cert", null, "a PEM certificate to trust for RTMPS (a local stack's self-signed one)")
                .declare("insecure", "false", "trust any RTMPS certificate (throw-away benchmark servers only)")
                .declare("sink-port", null, "runs an RTMP sink on this port of 127.0.0.1 that a relay pushes the"
                        + " streams to, and measures each video frame's latency from its send to its arrival there")
                .declare("targets", "1", "with --sink-port: how many publishes per stream the relay makes to the sink")
                .declare("simulcast-api", null, "with --create-streams and --sink-port: simulcast-service's API, e.g."
                        + " http://localhost:8083, where --targets targets per stream are added, rtmp://127.0.0.1:PORT/tN"
                        + " with the stream's key as theirs");
    }

    /** Runs the load; the exit status. */
    public static int run(Options options) throws Exception {
        return new RtmpLoad(options).run();
    }

    private int run() throws Exception {
        Clip clip = Clip.read(Path.of(options.string("clip")));
        int streams = options.integer("streams", 1, 100_000);
        boolean realTime = options.either("pace", "realtime", "max");
        RtmpTarget target = RtmpTarget.of(options.string("url"),
                options.has("trust-cert") ? Path.of(options.string("trust-cert")) : null, options.flag("insecure"));
        LoadCounters counters = new LoadCounters();
        Measurement.Probe probe = new Measurement.Probe(counters, ProcessUsage.of(pid("server-pid")),
                options.has("broker-pid") ? Optional.of(ProcessUsage.of(pid("broker-pid"))) : Optional.empty(),
                options.has("metrics") ? Optional.of(URI.create(options.string("metrics"))) : Optional.empty());
        long idleResident = probe.serverResidentBytes();

        int targets = options.integer("targets", 1, 100);
        long window = options.duration("duration").toSeconds() + 10;
        FrameClock clock = options.has("sink-port")
                ? new FrameClock((int) Math.min(20_000_000, (long) streams * targets * 120 * window)) : null;
        try (StreamNames names = streamNames(streams);
                RtmpSink sink = clock == null ? null : new RtmpSink(options.integer("sink-port", 1, 65535), clock)) {
            if (sink != null && options.has("simulcast-api")) {
                addSimulcastTargets(names, streams, targets);
            }
            System.out.printf(Locale.ROOT, "%s: %d streams to %s (%s), clip %s: %.2f Mbit/s, %d tags per %.1f s pass%s%n",
                    options.string("label"), streams, target.url(), names.describe(), clip.file().getFileName(),
                    clip.bitsPerSecond() / 1e6, clip.tags().size(), clip.loopMillis() / 1000.0,
                    options.flag("insecure") ? "; RTMPS certificates NOT checked (--insecure)" : "");
            Duration ramp = options.duration("ramp");
            Duration warmup = options.duration("warmup");
            Duration duration = options.duration("duration");
            long first = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            long measureFrom = first + ramp.toNanos() + warmup.toNanos();
            long measureUntil = measureFrom + duration.toNanos();
            List<Thread> publishers = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                long start = first + ramp.toNanos() * i / streams;
                Publisher publisher = new Publisher(target, names.get(i), options.integer("chunk-size", 128, 0xFF_FFFF),
                        clip, realTime, start, measureUntil + STOP_AFTER_WINDOW.toNanos(), counters, clock);
                publishers.add(Thread.ofVirtual().name("publisher-" + (i + 1)).start(publisher));
            }

            sleepUntil(measureFrom);
            if (clock != null) {
                clock.measure(true);
            }
            long sinkFramesBefore = sink == null ? 0 : sink.videoFrames();
            Measurement start = probe.read();
            long peakResident = start.serverResidentBytes();
            Measurement previous = start;
            while (System.nanoTime() - measureUntil < 0) {
                sleepUntil(Math.min(measureUntil, previous.load().nanos() + PROGRESS_INTERVAL.toNanos()));
                Measurement now = probe.read();
                peakResident = Math.max(peakResident, now.serverResidentBytes());
                progress(previous, now, (now.load().nanos() - start.load().nanos()) / 1e9);
                if (sink != null) {
                    System.out.printf(Locale.ROOT, "         sink: %d publishing of %d expected%n", sink.publishing(),
                            (long) streams * targets);
                }
                previous = now;
            }
            if (clock != null) {
                clock.measure(false);
            }
            long sinkFrames = sink == null ? 0 : sink.videoFrames() - sinkFramesBefore;
            long sinkPublishing = sink == null ? 0 : sink.publishing();
            long joinDeadline = System.nanoTime() + PUBLISHERS_STOP_WITHIN.toNanos();
            for (Thread publisher : publishers) {
                publisher.join(Duration.ofNanos(Math.max(1, joinDeadline - System.nanoTime())));
            }
            LoadCounters.Snapshot total = counters.snapshot();
            new LoadReport(options.string("label"), target.protocol(), streams, realTime, clip.bitsPerSecond() / 1e6,
                    idleResident, peakResident, start, previous, total).print(System.out);
            if (clock != null) {
                printSink(clock.latencies(), streams, targets, sinkFrames, sinkPublishing, sink.publishes(),
                        (previous.load().nanos() - start.load().nanos()) / 1e9);
            }
            return total.failed() > 0 ? 1 : 0;
        }
    }

    /** Adds the simulcast targets that push each created stream to the sink. */
    private void addSimulcastTargets(StreamNames names, int streams, int targets) throws Exception {
        if (names.api() == null) {
            throw new Options.UsageException("--simulcast-api needs --create-streams");
        }
        URI service = URI.create(options.string("simulcast-api"));
        String sink = "rtmp://127.0.0.1:" + options.integer("sink-port", 1, 65535) + "/t";
        for (int i = 0; i < streams; i++) {
            for (int t = 1; t <= targets; t++) {
                // simulcast-service learns of a new stream from the key registry, a moment after it is created.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (true) {
                    try {
                        names.api().createSimulcastTarget(service, names.id(i), sink + t, names.get(i));
                        break;
                    } catch (IllegalStateException e) {
                        if (!e.getMessage().contains("HTTP 404") || System.nanoTime() - deadline > 0) {
                            throw e;
                        }
                        TimeUnit.MILLISECONDS.sleep(200);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d simulcast targets added at %s (%d per stream)%n", streams * targets,
                service, targets);
    }

    /**
     * What the sink saw in the measured window: video frames, and their latency from the publisher's send to the
     * sink's read, which is what a relay adds (plus two loopback hops), as one {@code sink-result} line too.
     */
    private void printSink(FrameClock.Latencies latencies, int streams, int targets, long frames, long publishing,
            long publishes, double seconds) {
        System.out.printf(Locale.ROOT, "sink: %d of %d publishes live at the end (%d in all); %d video frames in the"
                        + " window (%.1f per s); latency send -> sink p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d"
                        + " frames, %d frames matched no send%n", publishing, (long) streams * targets, publishes,
                frames, frames / seconds, latencies.millis(0.5), latencies.millis(0.99), latencies.millis(1.0),
                latencies.sortedNanos().length, latencies.unmatched());
        System.out.println("sink-result	label	streams	targets	publishing	frames_per_s	latency_p50_ms"
                + "	latency_p99_ms	latency_max_ms	samples	unmatched");
        System.out.printf(Locale.ROOT, "sink-result	%s	%d	%d	%d	%.1f	%.1f	%.1f	%.1f	%d	%d%n",
                options.string("label"), streams, targets, publishing, frames / seconds, latencies.millis(0.5),
                latencies.millis(0.99), latencies.millis(1.0), latencies.sortedNanos().length, latencies.unmatched());
    }

    private StreamNames streamNames(int streams) throws Exception {
        if (options.has("keys-file")) {
            return StreamNames.fromFile(Path.of(options.string("keys-file")), streams);
        }
        if (options.flag("create-streams")) {
            String user = options.string("user");
            AuthApi api = AuthApi.signIn(URI.create(options.string("api")), options.string("oidc"),
                    options.string("client"), user, options.has("password") ? options.string("password") : user);
            return StreamNames.created(api, streams);
        }
        return StreamNames.plain(options.string("stream-prefix"), streams);
    }

    private long pid(String option) {
        String value = options.string(option);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Options.UsageException("--" + option + " is not a process id: " + value);
        }
    }

    private static void progress(Measurement from, Measurement to, double elapsed) {
        double seconds = (to.load().nanos() - from.load().nanos()) / 1e9;
        System.out.printf(Locale.ROOT, "  %5.0f s  %d publishing, %d failed  %8.1f Mbit/s  server %.2f cores, %.0f MB%n",
                elapsed, to.load().publishing(), to.load().failed(),
                (to.load().bytesSent() - from.load().bytesSent()) * 8 / seconds / 1e6,
                (to.serverCpuNanos() - from.serverCpuNanos()) / (seconds * 1e9), to.serverResidentBytes() / 1e6);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
