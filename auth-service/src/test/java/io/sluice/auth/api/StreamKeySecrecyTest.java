package io.sluice.auth.api;

import static io.sluice.auth.support.Api.as;
import static io.sluice.auth.support.Api.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sluice.auth.support.Db;
import io.sluice.auth.support.Eventually;
import io.sluice.auth.support.RegistryTopic;
import io.sluice.events.DecodedEvent;
import io.sluice.events.StreamKeyHash;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.testkit.DemoUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A stream key leaves the service once, in the answer that issues it. Through a whole stream lifecycle,
 * with debug logging and the HTTP access log on, the service's own log lines never hold a key, and no
 * database row or Kafka record does; the database and the registry hold its SHA-256 only. A key a caller
 * pastes into a URL (path or query) reaches the access log, and what the log handlers write has it
 * redacted: the test reads the log file the service wrote.
 */
@QuarkusTest
@TestProfile(StreamKeySecrecyTest.VerboseLogging.class)
class StreamKeySecrecyTest {

    private static final Path LOG_FILE = Path.of("target", "stream-key-secrecy.log");
    private static final String ACCESS_LOG = "io.quarkus.http.access-log";

    /** Logs everything this service and its HTTP layer say at debug level, to the console and to a file. */
    public static class VerboseLogging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.category.\"io.sluice\".level", "DEBUG",
                    "quarkus.log.category.\"org.hibernate.SQL\".level", "DEBUG",
                    "quarkus.log.category.\"io.quarkus.oidc\".level", "DEBUG",
                    "quarkus.http.access-log.enabled", "true",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG_FILE.toString(),
                    // The category in full, so that access-log lines can be told from the rest.
                    "quarkus.log.file.format", "%c %s%e%n");
        }
    }

    @Test
    void noKeyIsEverLoggedStoredInClearOrPublished() throws IOException {
        long logStart = Files.exists(LOG_FILE) ? Files.size(LOG_FILE) : 0;
        List<String> keys = new ArrayList<>();
        var created = create(DemoUser.ALICE, Map.of("name", "secret keeper"));
        String id = created.getString("id");
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
        // A user who pastes the key where an id or a cursor goes: the access log sees it in the URL.
        String pasted = keys.getLast();
        as(DemoUser.ALICE).when().get("/v1/live-streams/" + pasted).then().statusCode(404);
        as(DemoUser.ALICE).queryParam("cursor", pasted).when().get("/v1/live-streams").then().statusCode(400);
        as(DemoUser.OLIVIA).when().post("/v1/admin/registry/republish").then().statusCode(202);
        Eventually.check(Duration.ofSeconds(10), () -> assertThat(RegistryTopic.recordsOf(id)).hasSizeGreaterThanOrEqualTo(7));

        List<String> written = Eventually.get(Duration.ofSeconds(5), () -> {
            List<String> lines = linesFrom(logStart);
            assertThat(lines).as("both pasted URLs reached the access log")
                    .anyMatch(line -> line.startsWith(ACCESS_LOG) && line.contains("GET /v1/live-streams/sluice_sk_<redacted> "))
                    .anyMatch(line -> line.startsWith(ACCESS_LOG) && line.contains("GET /v1/live-streams?cursor=sluice_sk_<redacted> "));
            return lines;
        });
        assertThat(written).as("debug logging is on").anyMatch(line -> line.startsWith("org.hibernate.SQL"));
        for (String key : keys) {
            assertThat(written).noneMatch(line -> line.contains(key.substring("sluice_sk_".length())));
        }
        // The service's own lines never held a key: the only ones with a (redacted) key are the access log's.
        assertThat(written.stream().filter(line -> line.contains("sluice_sk_"))).hasSize(2)
                .allMatch(line -> line.startsWith(ACCESS_LOG));

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

    /** The lines the file handler wrote since {@code offset}: the service appends to the file. */
    private static List<String> linesFrom(long offset) {
        try (InputStream in = Files.newInputStream(LOG_FILE)) {
            in.skipNBytes(offset);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
