package io.sluice.loadgen.rtmp;

import io.sluice.loadgen.Options;
import io.sluice.loadgen.auth.AuthApi;
import io.sluice.loadgen.measure.ProcessUsage;
import io.sluice.media.rtmp.session.ClientEvent;
import io.sluice.media.rtmp.session.RtmpClientConfig;
import io.sluice.media.rtmp.session.RtmpClientSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A connection storm: {@code --connections} new encoders, each with a full TLS handshake (no session to
 * resume), connect over {@code --over} at an even pace whatever the server does (open loop), and publish.
 * Measured from the moment each starts to connect until its NetStream.Publish.Start: the connections a
 * second the server completes, and the latency's percentiles; plus the server's CPU over the storm. Each
 * encoder unpublishes and closes once it is publishing, so the storm measures the way in, not holding on.
 */
public final class ConnectStorm {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final Options options;

    private ConnectStorm(Options options) {
        this.options = options;
    }

    /** The options this command reads. */
    public static Options declare(Options options) {
        return options
                .declare("url", null, "the server and application, rtmp[s]://host:port/app (required)")
                .declare("connections", "1000", "how many encoders connect")
                .declare("over", "10s", "the time over which they start, at an even pace")
                .declare("label", "server", "the server's name in the output")
                .declare("server-pid", null, "the server's process id: its CPU is measured (required)")
                .declare("stream-prefix", "storm", "stream names prefix-1..N, for a server without stream keys")
                .declare("keys-file", null, "stream keys, one per line, instead of names")
                .declare("create-streams", "false", "create the live streams through the auth API, delete them after")
                .declare("api", "http://localhost:8080", "the auth API, with --create-streams")
                .declare("oidc", "http://localhost:8180/realms/sluice", "the OpenID provider, with --create-streams")
                .declare("client", "sluice-cli", "the public client, with --create-streams")
                .declare("user", "alice", "the user creating the streams, with --create-streams")
                .declare("password", null, "the user's password (default: the user name, as for the demo users)")
                .declare("trust-cert", null, "a PEM certificate to trust for RTMPS (a local stack's self-signed one)")
                .declare("insecure", "false", "trust any RTMPS certificate (throw-away benchmark servers only)");
    }

    /** Runs the storm; the exit status, 1 when any encoder failed. */
    public static int run(Options options) throws Exception {
        return new ConnectStorm(options).run();
    }

    private int run() throws Exception {
        int connections = options.integer("connections", 1, 100_000);
        Duration over = options.duration("over");
        RtmpTarget target = RtmpTarget.of(options.string("url"),
                options.has("trust-cert") ? Path.of(options.string("trust-cert")) : null, options.flag("insecure"));
        ProcessUsage server = ProcessUsage.of(Long.parseLong(options.string("server-pid")));
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(1), 3);
        AtomicInteger published = new AtomicInteger();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        try (StreamNames names = streamNames(connections)) {
            System.out.printf(Locale.ROOT, "%s: %d new encoders to %s over %d s (%s)%s%n", options.string("label"),
                    connections, target.url(), over.toSeconds(), names.describe(),
                    options.flag("insecure") ? "; RTMPS certificates NOT checked (--insecure)" : "");
            long cpuBefore = server.cpuNanos();
            long first = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            List<Thread> encoders = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                long start = first + over.toNanos() * i / connections;
                String name = names.get(i);
                encoders.add(Thread.ofVirtual().name("storm-" + (i + 1)).start(() -> {
                    waitUntil(start);
                    long began = System.nanoTime();
                    try {
                        publishOnce(target, name);
                        latency.recordValue(System.nanoTime() - began);
                        published.incrementAndGet();
                    } catch (IOException | RuntimeException e) {
                        failures.computeIfAbsent(String.valueOf(e.getMessage()), m -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            for (Thread encoder : encoders) {
                encoder.join();
            }
            double seconds = (System.nanoTime() - first) / 1e9;
            double cores = (server.cpuNanos() - cpuBefore) / 1e9 / seconds;
            System.out.printf(Locale.ROOT, "%s %s storm: %d of %d publishing, %.1f a second over %.1f s; connect to"
                    + " publish-ready p50 %.1f ms, p99 %.1f ms, max %.1f ms; server %.2f cores%n", options.string("label"),
                    target.protocol(), published.get(), connections, published.get() / seconds, seconds,
                    latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                    latency.getMaxValue() / 1e6, cores);
            new TreeMap<>(failures).forEach((reason, count) -> System.out.printf("  failed %d: %s%n", count.get(), reason));
            return failures.isEmpty() ? 0 : 1;
        }
    }

    /** Connects, publishes, and lets go once publishing: returns when NetStream.Publish.Start came. */
    private static void publishOnce(RtmpTarget target, String name) throws IOException {
        try (Socket socket = target.connectAsNewClient()) {
            socket.setSoTimeout((int) PUBLISH_TIMEOUT.toMillis());
            RtmpClientSession session = new RtmpClientSession(RtmpClientConfig.forUrl(target.url() + "/" + name));
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            session.start();
            write(session, out);
            byte[] buffer = new byte[16 * 1024];
            long deadline = System.nanoTime() + PUBLISH_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                int read = in.read(buffer);
                if (read < 0) {
                    throw new IOException("closed by the server before publishing");
                }
                session.feed(ByteBuffer.wrap(buffer, 0, read));
                write(session, out);
                for (ClientEvent event : session.drainEvents()) {
                    if (event instanceof ClientEvent.PublishStarted) {
                        session.unpublish();
                        write(session, out);
                        return;
                    }
                    if (event instanceof ClientEvent.Failed failed) {
                        throw new IOException(failed.failure().kind() + " " + failed.failure().description());
                    }
                }
            }
            throw new IOException("no NetStream.Publish.Start within " + PUBLISH_TIMEOUT.toSeconds() + " s");
        }
    }

    private static void write(RtmpClientSession session, OutputStream out) throws IOException {
        ByteBuffer bytes = session.drainOutput();
        if (bytes.hasRemaining()) {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }
    }

    private StreamNames streamNames(int count) throws Exception {
        if (options.has("keys-file")) {
            return StreamNames.fromFile(Path.of(options.string("keys-file")), count);
        }
        if (options.flag("create-streams")) {
            String user = options.string("user");
            AuthApi api = AuthApi.signIn(URI.create(options.string("api")), options.string("oidc"),
                    options.string("client"), user, options.has("password") ? options.string("password") : user);
            return StreamNames.created(api, count);
        }
        return StreamNames.plain(options.string("stream-prefix"), count);
    }

    private static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
