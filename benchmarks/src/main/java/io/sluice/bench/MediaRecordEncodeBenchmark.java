package io.sluice.bench;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sluice.events.EventCodec;
import io.sluice.events.EventEnvelope;
import io.sluice.events.EventType;
import io.sluice.events.MediaEvent;
import io.sluice.events.Topics;
import io.sluice.events.kafka.KafkaEventRecords;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One media record as the ingest makes it for every audio and video frame, from the frame's attributes to a
 * {@code ProducerRecord} with its CloudEvents headers: by the events module's hand-written binary-mode headers
 * ({@link EventCodec#encode(MediaEvent)}, what the ingest does), and by the CloudEvents SDK (an event built
 * with {@link CloudEventBuilder} and written by the SDK's Kafka {@link CloudEventSerializer} in binary mode).
 * Both make the same headers, which the setup checks; the payload (an FLV tag body) is wrapped, not copied, by
 * both. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MediaRecordEncodeBenchmark {

    private static final URI SOURCE = URI.create("/sluice/ingest/ingest-1");
    private static final String STREAM = "ls_ntDL6xsZVPoB";
    private static final String SESSION = "ss_l45Uy-NekGGhXjPq";

    /** An AAC frame and a typical 720p video frame. */
    @Param({"300", "8000"})
    public int payloadBytes;

    private byte[] payload;
    private long sequence;
    private CloudEventSerializer serializer;

    @Setup
    public void setUp() {
        payload = new byte[payloadBytes];
        new SplittableRandom(7).nextBytes(payload);
        serializer = new CloudEventSerializer();
        serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY), false);
        Set<String> handWritten = headerNames(handWritten());
        Set<String> sdk = headerNames(sdkSerializer());
        if (!handWritten.equals(sdk)) {
            throw new IllegalStateException("not the same record: " + handWritten + " against " + sdk);
        }
    }

    @TearDown
    public void tearDown() {
        serializer.close();
    }

    @Benchmark
    public ProducerRecord<String, byte[]> handWritten() {
        long seq = ++sequence;
        Instant now = Instant.now();
        MediaEvent event = new MediaEvent(EventEnvelope.forMediaMessage(SOURCE, EventType.MEDIA_VIDEO, STREAM, SESSION, seq, now),
                SESSION, seq, seq * 33, payload);
        return KafkaEventRecords.toProducerRecord(Topics.MEDIA, EventCodec.encode(event));
    }

    @Benchmark
    public ProducerRecord<String, byte[]> sdkSerializer() {
        long seq = ++sequence;
        Instant now = Instant.now();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(SESSION + '-' + seq)
                .withSource(SOURCE)
                .withType(EventType.MEDIA_VIDEO.typeName())
                .withSubject(STREAM)
                .withTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .withExtension(EventCodec.SESSION_ID, SESSION)
                .withExtension(EventCodec.SEQUENCE, seq)
                .withExtension(EventCodec.RTMP_TIMESTAMP, seq * 33)
                .withData(EventCodec.MEDIA_CONTENT_TYPE, payload)
                .build();
        RecordHeaders headers = new RecordHeaders();
        byte[] value = serializer.serialize(Topics.MEDIA, headers, event);
        return new ProducerRecord<>(Topics.MEDIA, null, STREAM, value, headers);
    }

    private static Set<String> headerNames(ProducerRecord<String, byte[]> record) {
        Set<String> names = new TreeSet<>();
        for (Header header : record.headers()) {
            names.add(header.key());
        }
        return names;
    }
}
