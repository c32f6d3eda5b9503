package io.sluice.loadgen.kafka;

import io.sluice.events.EventCodec;
import io.sluice.events.EventHeader;
import io.sluice.events.EventRecord;
import io.sluice.events.StructuredEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.EventData;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.loadgen.Options;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the session history an ingest instance leaves on {@code sluice.sessions.v1} over a past stretch of
 * time, so that an instance started afterwards has that much history to sweep: N streams live the whole
 * stretch, one session after another, each with its {@code session.started}, a {@code session.stats} every
 * stats interval and its {@code session.ended}, in time order and with the records' timestamps set to when
 * each event would have been written. The events are the ingest's own (the events module's codec), from the
 * given instance id, so the sweep decodes and tracks every one of them.
 *
 * <p>Only for a throw-away stack: auth-service, if running, stores every event of it (stop it first, or
 * expect it to be busy for a long time).
 */
public final class SessionHistory {

    private final Options options;

    private SessionHistory(Options options) {
        this.options = options;
    }

    /** The options this command reads. */
    public static Options declare(Options options) {
        return options
                .declare("bootstrap", "localhost:9092", "the Kafka broker")
                .declare("streams", "100", "how many streams are live the whole stretch")
                .declare("over", "1440m", "the stretch of history, ending now (1440m: a day)")
                .declare("session", "60m", "how long each session lasts before the next one of its stream starts")
                .declare("stats-every", "5s", "the stats interval (the ingest's default is 5s)")
                .declare("instance", "ingest-local", "the ingest instance id the events come from (the local stack's own)")
                .declare("tenant", "bench", "the tenant of the streams")
                .declare("batch-bytes", "16384", "the producer's batch size: an ingest's stats come every few "
                        + "seconds, so its batches hold a few records each; larger batches pack the history as no "
                        + "ingest writes it (up to a batch a fetch, whatever the consumer's fetch size)");
    }

    /** Writes the history; the exit status (1 when any record was refused). */
    public static int run(Options options) throws Exception {
        return new SessionHistory(options).run();
    }

    private int run() throws Exception {
        int streams = options.integer("streams", 1, 100_000);
        Duration over = options.duration("over");
        Duration session = options.duration("session");
        Duration statsEvery = options.duration("stats-every");
        String instance = options.string("instance");
        String tenant = options.string("tenant");
        URI source = URI.create("/sluice/ingest/" + instance);
        Instant end = Instant.now();
        Instant begin = end.minus(over);
        long ticks = over.toMillis() / statsEvery.toMillis();
        long ticksPerSession = Math.max(1, session.toMillis() / statsEvery.toMillis());
        long bytesPerTick = 3_170_000L / 8 * statsEvery.toMillis() / 1000;

        List<String> streamIds = new ArrayList<>(streams);
        String[] sessionIds = new String[streams];
        Instant[] sessionStarts = new Instant[streams];
        for (int s = 0; s < streams; s++) {
            streamIds.add(UUID.nameUUIDFromBytes(("history-" + s).getBytes(StandardCharsets.UTF_8)).toString());
        }
        System.out.printf(Locale.ROOT, "session history: %d streams over %s before now, sessions of %s, stats every %s,"
                + " instance %s, to %s on %s%n", streams, over, session, statsEvery, instance, Topics.SESSIONS,
                options.string("bootstrap"));

        AtomicLong failed = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long written = 0;
        long began = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            for (long tick = 0; tick <= ticks; tick++) {
                Instant at = begin.plus(statsEvery.multipliedBy(tick));
                for (int s = 0; s < streams; s++) {
                    String streamId = streamIds.get(s);
                    long inSession = tick % ticksPerSession;
                    if (inSession == 0) {
                        if (sessionIds[s] != null) {
                            send(producer, source, at, new SessionEnded(streamId, tenant, sessionIds[s],
                                    EndReason.CLIENT_CLOSED, "the encoder unpublished", "127.0.0.1", sessionStarts[s], at,
                                    bytesPerTick * ticksPerSession, 30 * ticksPerSession * statsEvery.toSeconds(),
                                    47 * ticksPerSession * statsEvery.toSeconds(), "avc1", "mp4a"), failed, bytes);
                            written++;
                        }
                        sessionIds[s] = UUID.randomUUID().toString();
                        sessionStarts[s] = at;
                        send(producer, source, at, new SessionStarted(streamId, tenant, sessionIds[s], instance,
                                "127.0.0.1", "rtmps", "TLSv1.3", "FMLE/3.0 (compatible; FMSc/1.0)", at), failed, bytes);
                        written++;
                    } else {
                        send(producer, source, at, new SessionStats(streamId, tenant, sessionIds[s], at,
                                statsEvery.toMillis(), 3170, 30.0, 2000, "avc1", 1280, 720, "mp4a", 48000, 2,
                                bytesPerTick * inSession), failed, bytes);
                        written++;
                    }
                }
            }
            // The day ends with every session ended, as an instance that stopped cleanly leaves it.
            for (int s = 0; s < streams; s++) {
                send(producer, source, end, new SessionEnded(streamIds.get(s), tenant, sessionIds[s], EndReason.CLIENT_CLOSED,
                        "the encoder unpublished", "127.0.0.1", sessionStarts[s], end, 0, 0, 0, "avc1", "mp4a"), failed, bytes);
                written++;
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "session history: %d events, %.1f MB of values, written in %.1f s; %d refused%n",
                written, bytes.get() / 1e6, seconds, failed.get());
        return failed.get() > 0 ? 1 : 0;
    }

    private static void send(KafkaProducer<String, byte[]> producer, URI source, Instant at, EventData data,
            AtomicLong failed, AtomicLong bytes) {
        EventRecord record = EventCodec.encode(StructuredEvent.of(source, data, at));
        List<Header> headers = new ArrayList<>(record.headers().size());
        for (EventHeader header : record.headers()) {
            headers.add(new RecordHeader(header.key(), header.value()));
        }
        bytes.addAndGet(record.value().length);
        producer.send(new ProducerRecord<>(Topics.SESSIONS, null, at.toEpochMilli(), record.key(), record.value(), headers),
                (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap"));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "loadgen-session-history");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, options.integer("batch-bytes", 1024, 16 << 20));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return props;
    }
}
