package io.sluice.loadgen.kafka;

import io.sluice.events.EventType;
import io.sluice.events.kafka.SessionMediaRecords;
import io.sluice.loadgen.Options;
import io.sluice.loadgen.measure.ProcessUsage;
import io.sluice.loadgen.rtmp.Clip;
import io.sluice.media.flv.FlvTagType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under the ingest's figures: a bare Kafka producer, set up as the ingest's {@code EventPublisher}
 * (idempotent, {@code acks=all}, the same linger and batch size), writes the messages N streams of a clip
 * would bring, message for message and size for size at the clip's average message rate, to a topic of its
 * own. By default each record is the one the ingest writes for that message (the media contract's key and
 * ten CloudEvents headers, made by the same {@link SessionMediaRecords}): the contract's per-record cost in
 * the Kafka client is part of the floor, not of reading RTMP. {@code --records bare} sends the payload and a
 * key only, as this command did before. Each record's payload is a new array holding a copy of the tag
 * ({@code --payload fresh}): Kafka's producer takes a value as an array of exactly its length, so a service
 * that receives its messages from the network makes one per message, and collects it once Kafka copied it
 * into a batch. {@code --payload shared} sends the clip's own arrays again and again, as this command did
 * before. Its send-to-acknowledgement latency is what any service writing this load to this broker gets
 * before doing anything else; its own CPU is what writing the load to Kafka costs, without reading RTMP.
 *
 * <p>Latency counts from the call that hands a message to the producer to its acknowledgement, as the
 * ingest's read-to-acknowledgement histogram counts from the socket read that brought the message. The
 * messages due in a millisecond go out together, as an event loop hands over what one read brought.
 */
public final class KafkaBaseline {

    private static final Duration TICK = Duration.ofMillis(1);
    private static final int PARTITIONS = 6;
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Without a topic to copy: Kafka's defaults, with a short retention and room for the largest message. */
    private static final Map<String, String> OWN_SETTINGS = Map.of(
            "retention.ms", "600000", "retention.bytes", "268435456", "max.message.bytes", "16842752");

    private final Options options;

    private KafkaBaseline(Options options) {
        this.options = options;
    }

    /** The options this command reads. */
    public static Options declare(Options options) {
        return options
                .declare("clip", null, "the FLV file whose tags (sizes and pace) each stream sends in a loop (required)")
                .declare("streams", "100", "how many streams' messages are sent")
                .declare("bootstrap", "localhost:9092", "the Kafka broker")
                .declare("topic", "sluice.bench.baseline", "the topic written to; made with 6 partitions if missing")
                .declare("like", "sluice.media.v1", "the topic whose settings (segment size, retention) the written"
                        + " topic takes, made or altered to match; none: Kafka's defaults, kept 10 minutes or 256 MB")
                .declare("records", "contract", "contract: each record as the ingest writes it (its key and the media"
                        + " contract's ten headers); bare: the payload and a key only")
                .declare("payload", "fresh", "fresh: each record's payload a new array, as a service receiving its"
                        + " messages makes one; shared: the clip's own arrays, sent again and again")
                .declare("linger", "3ms", "the producer's linger.ms (the ingest's default is 3ms)")
                .declare("warmup", "20s", "time before measuring")
                .declare("duration", "60s", "the measured window")
                .declare("broker-pid", null, "the Kafka broker's process id, whose CPU is reported too");
    }

    /** Runs the load; the exit status (1 when any send failed). */
    public static int run(Options options) throws Exception {
        return new KafkaBaseline(options).run();
    }

    private int run() throws Exception {
        Clip clip = Clip.read(Path.of(options.string("clip")));
        int streams = options.integer("streams", 1, 100_000);
        String topic = options.string("topic");
        createTopic(topic);
        List<Clip.Tag> tags = clip.tags();
        double messagesPerSecond = streams * tags.size() * 1000.0 / clip.loopMillis();
        System.out.printf(Locale.ROOT, "kafka baseline: %d streams of %s to %s at %s: %.0f messages/s, %.2f Mbit/s%n",
                streams, clip.file().getFileName(), topic, options.string("bootstrap"), messagesPerSecond,
                streams * clip.bitsPerSecond() / 1e6);

        Recorder latency = new Recorder(MAX_LATENCY_NANOS, 3);
        AtomicLong failed = new AtomicLong();
        ProcessUsage self = ProcessUsage.of(ProcessHandle.current().pid());
        Optional<ProcessUsage> broker = options.has("broker-pid")
                ? Optional.of(ProcessUsage.of(Long.parseLong(options.string("broker-pid")))) : Optional.empty();
        List<SessionMediaRecords> sessions = sessions(streams);
        boolean contract = options.either("records", "contract", "bare");
        boolean freshPayloads = options.either("payload", "fresh", "shared");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            long start = System.nanoTime();
            long measureFrom = start + options.duration("warmup").toNanos();
            long measureUntil = measureFrom + options.duration("duration").toNanos();
            long intervalNanos = Math.round(1e9 / messagesPerSecond);
            long sent = 0;
            boolean measuring = false;
            long cpuFrom = 0;
            long brokerFrom = 0;
            long sentFrom = 0;
            long now;
            while ((now = System.nanoTime()) - measureUntil < 0) {
                if (!measuring && now - measureFrom >= 0) {
                    measuring = true;
                    latency.reset();
                    cpuFrom = self.cpuNanos();
                    brokerFrom = broker.map(ProcessUsage::cpuNanos).orElse(0L);
                    sentFrom = sent;
                }
                long due = (now - start) / intervalNanos;
                for (; sent < due; sent++) {
                    Clip.Tag tag = tags.get((int) ((sent / streams) % tags.size()));
                    long sentNanos = System.nanoTime();
                    int stream = (int) (sent % streams);
                    byte[] payload = freshPayloads ? tag.body().clone() : tag.body();
                    ProducerRecord<String, byte[]> record = contract
                            ? onTopic(topic, sessions.get(stream).record(eventType(tag.type()), sent / streams + 1, tag.timestamp(),
                                    Instant.now(), payload))
                            : new ProducerRecord<>(topic, "stream-" + stream, payload);
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        } else {
                            latency.recordValue(Math.min(MAX_LATENCY_NANOS, System.nanoTime() - sentNanos));
                        }
                    });
                }
                Thread.sleep(TICK);
            }
            double seconds = (System.nanoTime() - measureFrom) / 1e9;
            double cores = (self.cpuNanos() - cpuFrom) / 1e9 / seconds;
            long brokerUntil = broker.map(ProcessUsage::cpuNanos).orElse(0L);
            producer.flush();
            Histogram window = latency.getIntervalHistogram();
            System.out.println("result\tlabel\tstreams\tseconds\tmessages_per_s\tack_p50_ms\tack_p99_ms\tack_p999_ms\tack_max_ms"
                    + "\tproducer_cores\tbroker_cores\tfailed");
            System.out.printf(Locale.ROOT, "result\tkafka-baseline\t%d\t%.1f\t%.0f\t%.2f\t%.2f\t%.2f\t%.2f\t%.3f\t%s\t%d%n",
                    streams, seconds, (sent - sentFrom) / seconds, millis(window, 50), millis(window, 99), millis(window, 99.9),
                    window.getMaxValue() / 1e6, cores,
                    broker.isPresent() ? String.format(Locale.ROOT, "%.3f", (brokerUntil - brokerFrom) / 1e9 / seconds) : "-",
                    failed.get());
            return failed.get() > 0 ? 1 : 0;
        }
    }

    /** One session per stream, named as the ingest names them, with a source of this load generator's own. */
    private static List<SessionMediaRecords> sessions(int streams) {
        URI source = URI.create("/sluice/ingest/kafka-baseline");
        List<SessionMediaRecords> sessions = new ArrayList<>(streams);
        for (int i = 0; i < streams; i++) {
            sessions.add(new SessionMediaRecords(source, String.format(Locale.ROOT, "ls_%032x", i),
                    String.format(Locale.ROOT, "ss_%016x", i)));
        }
        return sessions;
    }

    /** The event the ingest makes of a tag (a clip's script tag is its onMetaData). */
    private static EventType eventType(FlvTagType type) {
        return switch (type) {
            case AUDIO -> EventType.MEDIA_AUDIO;
            case VIDEO -> EventType.MEDIA_VIDEO;
            case SCRIPT_DATA -> EventType.MEDIA_METADATA;
        };
    }

    private static ProducerRecord<String, byte[]> onTopic(String topic, ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers());
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap"));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "loadgen-kafka-baseline");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) options.duration("linger").toMillis());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16_842_752);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return props;
    }

    /**
     * A topic of its own, so the contract's topics never see the baseline's records, with the settings of the
     * topic named by {@code --like} (the ingest's media topic): the same segment size and retention, so the
     * broker rolls, flushes and deletes segments as often for the floor as for the ingest.
     */
    private void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap")))) {
            String like = options.string("like");
            boolean copy = !"none".equals(like);
            Optional<Map<String, String>> likeSettings = copy ? TopicSettings.of(admin, like) : Optional.empty();
            Map<String, String> settings = likeSettings.orElse(OWN_SETTINGS);
            TopicSettings.apply(admin, topic, PARTITIONS, settings);
            String basis = likeSettings.isPresent() ? "like " + like
                    : copy ? "on its own (the broker has no topic " + like + ")" : "on its own";
            System.out.printf(Locale.ROOT, "kafka baseline: %s set up %s: %s%n", topic, basis, settings);
        }
    }
}
