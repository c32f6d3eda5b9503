package io.sluice.auth.kafka;

import static io.restassured.RestAssured.given;
import static io.sluice.auth.support.Api.as;
import static io.sluice.auth.support.Api.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sluice.auth.support.Db;
import io.sluice.auth.support.Eventually;
import io.sluice.auth.support.RegistryTopic;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.EventType;
import io.sluice.events.StreamKeyHash;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.testkit.DemoUser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every change ingest must know about reaches {@code sluice.stream-keys.v1} as the contract's record, read
 * back from the real broker with the contract's codec: in order, with growing versions, a tombstone on
 * delete; and nothing is lost when the relay is down between commit and publish.
 */
@QuarkusTest
class RegistryPublishingTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(10);

    @Inject
    RegistryRelay relay;

    @Test
    void createPublishesTheEntryWithTheKeyHashLimitsAndPlaybackId() {
        JsonPath created = create(DemoUser.ALICE, Map.of("name", "registry create", "reconnect_window_seconds", 120,
                "recording", false, "max_continuous_duration_seconds", 3600, "max_bitrate_kbps", 8000));
        String id = created.getString("id");

        List<RegistryTopic.Entry> records = awaitRecords(id, 1);

        RegistryTopic.Entry record = records.getFirst();
        assertThat(record.raw().key()).isEqualTo(id);
        assertThat(new String(record.raw().headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo(EventCodec.STRUCTURED_CONTENT_TYPE);
        DecodedEvent.Structured event = (DecodedEvent.Structured) record.event();
        assertThat(event.event().envelope().type()).isEqualTo(EventType.STREAM_KEY_UPDATED);
        assertThat(event.event().envelope().source()).hasToString("/sluice/auth-service");
        StreamKeyEntry entry = (StreamKeyEntry) event.event().data();
        assertThat(entry.streamId()).isEqualTo(id);
        assertThat(entry.tenant()).isEqualTo("acme");
        assertThat(entry.keyHash()).isEqualTo(StreamKeyHash.of(created.getString("stream_key")));
        assertThat(StreamKeyHash.matches(entry.keyHash(), StreamKeyHash.of(created.getString("stream_key")))).isTrue();
        assertThat(entry.status()).isEqualTo(StreamKeyEntry.Status.ENABLED);
        assertThat(entry.reconnectWindowSeconds()).isEqualTo(120);
        assertThat(entry.recording()).isFalse();
        assertThat(entry.maxContinuousDurationSeconds()).isEqualTo(3600);
        assertThat(entry.maxBitrateKbps()).isEqualTo(8000);
        assertThat(entry.playbackId()).isEqualTo(created.getString("playback_id")).startsWith("pb_");
        assertThat(entry.version()).isEqualTo(1);
    }

    @Test
    void rotateDisableEnableLimitsAndDeleteEachPublishInOrder() {
        JsonPath created = create(DemoUser.BOB, "registry lifecycle");
        String id = created.getString("id");
        String oldKey = created.getString("stream_key");

        String newKey = as(DemoUser.BOB).when().post("/v1/live-streams/" + id + "/rotate-key")
                .then().statusCode(200).extract().path("stream_key");
        as(DemoUser.BOB).when().post("/v1/live-streams/" + id + "/disable").then().statusCode(200);
        as(DemoUser.BOB).when().post("/v1/live-streams/" + id + "/disable").then().statusCode(200);
        as(DemoUser.BOB).when().post("/v1/live-streams/" + id + "/enable").then().statusCode(200);
        // A rename is not for ingest: no record.
        as(DemoUser.BOB).body(Map.of("name", "renamed")).when().patch("/v1/live-streams/" + id).then().statusCode(200);
        as(DemoUser.BOB).body(Map.of("reconnect_window_seconds", 30)).when().patch("/v1/live-streams/" + id).then().statusCode(200);
        as(DemoUser.BOB).when().delete("/v1/live-streams/" + id).then().statusCode(204);

        List<RegistryTopic.Entry> records = awaitRecords(id, 6);

        assertThat(records).extracting(r -> r.raw().partition()).containsOnly(records.getFirst().raw().partition());
        List<StreamKeyEntry> entries = records.subList(0, 5).stream()
                .map(r -> (StreamKeyEntry) ((DecodedEvent.Structured) r.event()).event().data()).toList();
        assertThat(entries).extracting(StreamKeyEntry::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries).extracting(StreamKeyEntry::keyHash).containsExactly(StreamKeyHash.of(oldKey),
                StreamKeyHash.of(newKey), StreamKeyHash.of(newKey), StreamKeyHash.of(newKey), StreamKeyHash.of(newKey));
        assertThat(entries).extracting(StreamKeyEntry::status).containsExactly(StreamKeyEntry.Status.ENABLED,
                StreamKeyEntry.Status.ENABLED, StreamKeyEntry.Status.DISABLED, StreamKeyEntry.Status.ENABLED,
                StreamKeyEntry.Status.ENABLED);
        assertThat(entries.getLast().reconnectWindowSeconds()).isEqualTo(30);
        assertThat(entries).extracting(StreamKeyEntry::playbackId).containsOnly(created.getString("playback_id"));
        assertThat(records.getLast().raw().value()).as("tombstone").isNull();
        assertThat(records.getLast().event()).isEqualTo(new DecodedEvent.Tombstone(id));
    }

    @Test
    void aRotatedKeyIsPublishedWithinASecondOfTheAnswer() {
        String id = create(DemoUser.ALICE, "prompt").getString("id");
        awaitRecords(id, 1);

        as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/rotate-key").then().statusCode(200);
        long answered = System.nanoTime();

        // The relay deletes an outbox row only once Kafka has acknowledged its record.
        Eventually.check(Duration.ofSeconds(1), () ->
                assertThat(Db.query("select id from registry_outbox where stream_id = ?", id)).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - answered)).isLessThan(Duration.ofSeconds(1));
        assertThat(RegistryTopic.recordsOf(id)).hasSize(2);
    }

    @Test
    void changesCommittedWhileTheRelayIsDownArePublishedWhenItIsBack() throws InterruptedException {
        relay.stop();
        String id;
        String newKey;
        try {
            id = create(DemoUser.ALICE, "outbox survivor").getString("id");
            newKey = as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/rotate-key")
                    .then().statusCode(200).extract().path("stream_key");
            as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/disable").then().statusCode(200);

            Thread.sleep(1000);
            assertThat(Db.query("select id from registry_outbox where stream_id = ? order by id", id))
                    .as("committed with the change, waiting in the outbox").hasSize(3);
            assertThat(RegistryTopic.recordsOf(id)).as("nothing published while the relay is down").isEmpty();
        } finally {
            relay.start();
        }

        List<RegistryTopic.Entry> records = awaitRecords(id, 3);
        List<StreamKeyEntry> entries = records.stream()
                .map(r -> (StreamKeyEntry) ((DecodedEvent.Structured) r.event()).event().data()).toList();
        assertThat(entries).extracting(StreamKeyEntry::version).containsExactly(1L, 2L, 3L);
        assertThat(entries.getLast().keyHash()).isEqualTo(StreamKeyHash.of(newKey));
        assertThat(entries.getLast().status()).isEqualTo(StreamKeyEntry.Status.DISABLED);
        Eventually.check(PUBLISHED, () ->
                assertThat(Db.query("select id from registry_outbox where stream_id = ?", id)).isEmpty());
    }

    @Test
    void anAdminRepublishesTheWholeRegistryAtTheCurrentVersions() {
        String alices = create(DemoUser.ALICE, "republished a").getString("id");
        String bobs = create(DemoUser.BOB, "republished b").getString("id");
        as(DemoUser.BOB).when().post("/v1/live-streams/" + bobs + "/disable").then().statusCode(200);
        awaitRecords(alices, 1);
        awaitRecords(bobs, 2);

        long queued = ((Number) as(DemoUser.OLIVIA).when().post("/v1/admin/registry/republish")
                .then().statusCode(202).extract().path("queued")).longValue();

        long streams = (Long) Db.query("select count(*) as n from live_stream").getFirst().get("n");
        assertThat(queued).isEqualTo(streams);
        List<RegistryTopic.Entry> again = awaitRecords(bobs, 3);
        StreamKeyEntry republished = (StreamKeyEntry) ((DecodedEvent.Structured) again.getLast().event()).event().data();
        assertThat(republished.version()).isEqualTo(2);
        assertThat(republished.status()).isEqualTo(StreamKeyEntry.Status.DISABLED);
        assertThat(awaitRecords(alices, 2)).hasSize(2);
    }

    @Test
    void theRelayAndTheConsumerReportMetrics() {
        String id = create(DemoUser.ALICE, "measured").getString("id");
        awaitRecords(id, 1);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("sluice_auth_registry_published_total"))
                .body(containsString("sluice_auth_registry_publish_delay_seconds"))
                .body(containsString("sluice_auth_registry_outbox_pending"))
                .body(containsString("sluice_auth_registry_outbox_lag_seconds"));
    }

    private static List<RegistryTopic.Entry> awaitRecords(String id, int count) {
        return Eventually.get(PUBLISHED, () -> {
            List<RegistryTopic.Entry> records = RegistryTopic.recordsOf(id);
            assertThat(records).hasSize(count);
            return records;
        });
    }
}
