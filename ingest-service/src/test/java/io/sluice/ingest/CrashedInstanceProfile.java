package io.sluice.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.sluice.events.EventCodec;
import io.sluice.events.EventRecord;
import io.sluice.events.StructuredEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.EventData;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.events.kafka.KafkaEventRecords;
import io.sluice.testkit.TestStack;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The instance starts where an earlier run of it died: the sessions topic holds a session it started and
 * never ended, one it ended properly, and one of another instance.
 */
public class CrashedInstanceProfile implements QuarkusTestProfile {

    /**
     * Quarkus may load this profile in more than one class loader; a JVM-wide property keeps the names the
     * application and the test see the same.
     */
    private static final String RUN = (String) System.getProperties()
            .computeIfAbsent("sluice.test.crashed-run", k -> UUID.randomUUID().toString().substring(0, 8));

    static final String INSTANCE = "ingest-crashed-" + RUN;
    static final String LOST_STREAM = "ls_lost" + RUN;
    static final String ENDED_STREAM = "ls_ended" + RUN;
    static final String PEER_STREAM = "ls_peer" + RUN;
    /** What the lost session's last stats said it had taken in. */
    static final long LOST_BYTES_IN = 5_000_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        Instant earlier = Instant.now().minusSeconds(120);
        write(new SessionStarted(LOST_STREAM, "acme", "ss_lost" + RUN, INSTANCE, "203.0.113.5:40000", "rtmps", "TLSv1.3",
                "OBS", earlier));
        // Its stats as it went on: the sweep reads them back undecoded and decodes only the last.
        write(stats(LOST_STREAM, "ss_lost" + RUN, earlier.plusSeconds(5), 1_000));
        write(stats(LOST_STREAM, "ss_lost" + RUN, earlier.plusSeconds(10), LOST_BYTES_IN));
        write(new SessionStarted(ENDED_STREAM, "acme", "ss_ended" + RUN, INSTANCE, "203.0.113.6:40000", "rtmps", "TLSv1.3",
                "OBS", earlier));
        write(new SessionEnded(ENDED_STREAM, "acme", "ss_ended" + RUN, EndReason.CLIENT_CLOSED, "done", "203.0.113.6:40000", earlier,
                earlier.plusSeconds(10), 1000, 10, 10, "avc1", "mp4a"));
        write(stats(ENDED_STREAM, "ss_ended" + RUN, earlier.plusSeconds(12), 1_000));
        write(new SessionStarted(PEER_STREAM, "acme", "ss_peer" + RUN, "ingest-other", "203.0.113.7:40000", "rtmps", "TLSv1.3", "OBS",
                earlier));
        return Map.of("sluice.ingest.instance-id", INSTANCE);
    }

    private static SessionStats stats(String stream, String session, Instant at, long bytesIn) {
        return new SessionStats(stream, "acme", session, at, 5000, 3000, 30, 2000, "avc1", 1280, 720, "mp4a", 48000, 2, bytesIn);
    }

    private static void write(EventData data) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            EventRecord record = EventCodec.encode(StructuredEvent.of(URI.create("/sluice/ingest/" + INSTANCE), data, Instant.now()));
            producer.send(KafkaEventRecords.toProducerRecord(Topics.SESSIONS, record)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the earlier run's sessions", e);
        }
    }
}
