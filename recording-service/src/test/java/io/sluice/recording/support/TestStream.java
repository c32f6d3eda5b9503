package io.sluice.recording.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.sluice.events.EventCodec;
import io.sluice.events.StreamKeyHash;
import io.sluice.events.StructuredEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.events.kafka.KafkaEventRecords;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestStack;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * A live stream as the recording service sees one: an entry of the key registry on the real broker (as
 * auth-service writes it) and a publisher of its media log (as the ingest writes it).
 */
public final class TestStream implements AutoCloseable {

    /** How long the service may take to notice what the tests write to Kafka. */
    public static final Duration WITHIN = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final URI SOURCE = URI.create("/sluice/test/registry");

    public final String streamId;
    public final String playbackId;
    public final DemoUser owner;
    public final MediaPublisher publisher;

    private TestStream(String streamId, String playbackId, DemoUser owner) {
        this.streamId = streamId;
        this.playbackId = playbackId;
        this.owner = owner;
        this.publisher = new MediaPublisher(streamId, owner.tenant());
    }

    /** A new stream of {@code owner}'s tenant in the registry. */
    public static TestStream create(DemoUser owner, boolean recording, int reconnectWindowSeconds) {
        TestStream stream = new TestStream("ls_" + hex(16), "pb_" + hex(16), owner);
        StreamKeyEntry entry = new StreamKeyEntry(stream.streamId, owner.tenant(), StreamKeyHash.of("sluice_sk_" + hex(32)),
                StreamKeyEntry.Status.ENABLED, 0, 43_200, reconnectWindowSeconds, recording, stream.playbackId, 1,
                Instant.now());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(KafkaEventRecords.toProducerRecord(Topics.STREAM_KEYS,
                    EventCodec.encode(StructuredEvent.of(SOURCE, entry, Instant.now())))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the registry entry", e);
        }
        return stream;
    }

    /** The stream's recordings, newest first, as its owner lists them. */
    public List<JsonPath> recordings() {
        JsonPath page = given().auth().oauth2(Tokens.of(owner)).queryParam("stream_id", streamId)
                .when().get("/v1/recordings").then().statusCode(200).extract().jsonPath();
        return page.getList("data").stream().map(item -> new JsonPath(toJson(item))).toList();
    }

    /** Waits until the stream has {@code count} recordings, the newest in {@code status}, and returns them. */
    public List<JsonPath> awaitRecordings(int count, String status) {
        return Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(this::recordings,
                list -> list.size() == count && status.equals(list.getFirst().getString("status")));
    }

    private static String toJson(Object item) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(item);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
