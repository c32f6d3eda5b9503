package io.sluice.auth.api;

import static io.sluice.auth.support.Api.as;
import static io.sluice.auth.support.Api.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sluice.auth.security.StreamKeyRedaction;
import io.sluice.auth.support.Db;
import io.sluice.auth.support.Eventually;
import io.sluice.auth.support.LogCapture;
import io.sluice.auth.support.RegistryTopic;
import io.sluice.media.event.DecodedEvent;
import io.sluice.media.event.StreamKeyHash;
import io.sluice.media.event.data.StreamKeyEntry;
import io.sluice.testkit.DemoUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A stream key leaves the service once, in the answer that issues it. Through a whole stream lifecycle,
 * with debug logging and the HTTP access log on, no log line the service writes, database row or Kafka
 * record holds a key; the database and the registry hold its SHA-256 only. A key a caller pastes into a
 * URL reaches the access log, and the log filter redacts it.
 */
@QuarkusTest
@TestProfile(StreamKeySecrecyTest.VerboseLogging.class)
class StreamKeySecrecyTest {

    /** Logs everything this service and its HTTP layer say at debug level. */
    public static class VerboseLogging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.category.\"io.sluice\".level", "DEBUG",
                    "quarkus.log.category.\"org.hibernate.SQL\".level", "DEBUG",
                    "quarkus.log.category.\"io.quarkus.oidc\".level", "DEBUG",
                    "quarkus.http.access-log.enabled", "true");
        }
    }

    @Test
    void noKeyIsEverLoggedStoredInClearOrPublished() {
        List<String> keys = new ArrayList<>();
        String id;
        try (LogCapture logs = LogCapture.install()) {
            var created = create(DemoUser.ALICE, Map.of("name", "secret keeper"));
            id = created.getString("id");
            keys.add(created.getString("stream_key"));
            as(DemoUser.ALICE).when().get("/v1/live-streams/" + id).then().statusCode(200);
            as(DemoUser.ALICE).when().get("/v1/live-streams").then().statusCode(200);
            as(DemoUser.ALICE).body(Map.of("max_bitrate_kbps", 5000)).when().patch("/v1/live-streams/" + id)
                    .then().statusCode(200);
            keys.add(as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/rotate-key")
                    .then().statusCode(200).extract().path("stream_key"));
            as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/disable").then().statusCode(200);
            as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/enable").then().statusCode(200);
            keys.add(as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/rotate-key")
                    .then().statusCode(200).extract().path("stream_key"));
            as(DemoUser.ALICE).body(Map.of("reconnect_window_seconds", 5000)).when().patch("/v1/live-streams/" + id)
                    .then().statusCode(400);
            // A user who pastes the key where an id goes: the access log sees it in the URL.
            as(DemoUser.ALICE).when().get("/v1/live-streams/" + keys.getLast()).then().statusCode(404);
            as(DemoUser.OLIVIA).when().post("/v1/admin/registry/republish").then().statusCode(202);
            Eventually.check(Duration.ofSeconds(10), () -> assertThat(RegistryTopic.recordsOf(id)).hasSizeGreaterThanOrEqualTo(7));

            List<String> lines = logs.lines();
            assertThat(lines).as("the capture works").anyMatch(line -> line.startsWith("io.quarkus.http.access-log"));
            // The service's own code never logs a key: the only line that may carry one is the access log's
            // record of the URL the caller pasted it into...
            for (String key : keys) {
                String secret = key.substring("sluice_sk_".length());
                assertThat(lines.stream().filter(line -> line.contains(secret)))
                        .allMatch(line -> line.startsWith("io.quarkus.http.access-log") && line.contains("GET /v1/live-streams/" + key));
            }
            // ...and the filter every log handler runs (application.properties) redacts that one too.
            assertThat(ConfigProvider.getConfig().getValue("quarkus.log.console.filter", String.class))
                    .isEqualTo("stream-key-redaction");
            List<String> written = lines.stream().map(StreamKeyRedaction::redact).toList();
            assertThat(written).anyMatch(line -> line.contains("GET /v1/live-streams/sluice_sk_<redacted>"));
            for (String key : keys) {
                assertThat(written).noneMatch(line -> line.contains(key.substring("sluice_sk_".length())));
            }
        }

        String currentKey = keys.getLast();
        assertThat(Db.streamRow(id)).containsEntry("key_hash", StreamKeyHash.of(currentKey));
        for (String table : List.of("live_stream", "stream_session", "registry_outbox", "flyway_schema_history")) {
            List<Map<String, Object>> rows = Db.query("select t::text as row from " + table + " t");
            for (String key : keys) {
                assertThat(rows).as(table).noneMatch(row -> String.valueOf(row.get("row")).contains(key));
            }
        }

        List<ConsumerRecord<String, byte[]>> published = RegistryTopic.readAll();
        for (ConsumerRecord<String, byte[]> record : published) {
            String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
            for (String key : keys) {
                assertThat(value).doesNotContain(key).doesNotContain(key.substring("sluice_sk_".length()));
            }
        }
        DecodedEvent last = RegistryTopic.recordsOf(id).getLast().event();
        assertThat(((StreamKeyEntry) ((DecodedEvent.Structured) last).event().data()).keyHash())
                .isEqualTo(StreamKeyHash.of(currentKey));
    }
}
