package io.sluice.auth.kafka;

import static io.sluice.auth.support.Api.as;
import static io.sluice.auth.support.Api.create;
import static io.sluice.auth.support.SessionEvents.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sluice.auth.support.Api;
import io.sluice.auth.support.Db;
import io.sluice.auth.support.Eventually;
import io.sluice.auth.support.LogCapture;
import io.sluice.auth.support.Metrics;
import io.sluice.auth.support.SessionEvents;
import io.sluice.events.Topics;
import io.sluice.events.data.EventData;
import io.sluice.events.data.SessionStarted;
import io.sluice.testkit.DemoUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session events come from ingest instances, which pass on what encoders say: one encoder must not be
 * able to stop the history and status of every stream on its partition. Texts are cleaned and cut before
 * they are stored; a record that can never be stored is logged, counted and skipped, and the record after
 * it on the same partition is applied; while the database refuses writes for a while, events wait and are
 * all applied once it is back.
 */
@QuarkusTest
class SessionEventFailuresTest {

    private static final Duration APPLIED = Duration.ofSeconds(15);
    private static final String REJECTED = "outcome=\"rejected\"";
    private static SessionEvents ingest;

    @BeforeAll
    static void ingest() {
        ingest = new SessionEvents();
    }

    @AfterAll
    static void close() {
        ingest.close();
    }

    @Test
    void textsFromAnEncoderAreCleanedAndCutToTheirColumns() {
        String id = create(DemoUser.ALICE, "noisy encoder").getString("id");
        String encoder = "OBS\u0000 30.1\u001b[31m\r\n" + "x".repeat(10_000);
        Instant now = now();

        ingest.send(new SessionStarted(id, "acme", "noisy", "ingest\u0000-1", "203.0.113.7:50412\n", "rtmps\u0007",
                "TLSv1.3", encoder, now));

        JsonPath stream = Eventually.get(APPLIED, () -> {
            JsonPath current = Api.get(DemoUser.ALICE, id);
            assertThat(current.getString("status")).isEqualTo("active");
            return current;
        });
        String stored = "OBS 30.1[31m  " + "x".repeat(255 - "OBS 30.1[31m  ".length());
        assertThat(stream.getString("active_session.encoder")).isEqualTo(stored);
        assertThat(stream.getString("active_session.protocol")).isEqualTo("rtmps");
        assertThat(Db.query("select encoder, ingest_instance, client_address from stream_session where stream_id = ?", id))
                .singleElement().isEqualTo(Map.of("encoder", stored, "ingest_instance", "ingest-1",
                        "client_address", "203.0.113.7:50412 "));
    }

    /** Records that no retry can store, each for a stream of its own. */
    static Stream<Arguments> unstorable() {
        return Stream.<Arguments>of(
                Arguments.of("a start time PostgreSQL cannot hold", (Function<String, EventData>) id ->
                        started(id, "far-future", Instant.parse("+300000-01-01T00:00:00Z"))),
                Arguments.of("a NUL in the session id", (Function<String, EventData>) id ->
                        started(id, "ss_\u0000", now())),
                Arguments.of("a session id longer than its column", (Function<String, EventData>) id ->
                        started(id, "s".repeat(65), now())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorable")
    void aRecordThatCanNeverBeStoredIsSkippedAndTheNextOnItsPartitionApplied(String what, Function<String, EventData> poison) {
        String poisoned = create(DemoUser.ALICE, "poisoned").getString("id");
        String bystander = create(DemoUser.BOB, "bystander").getString("id");
        double rejectedBefore = Metrics.value("sluice_auth_session_events_total", REJECTED);

        RecordMetadata skipped;
        try (LogCapture logs = LogCapture.install()) {
            skipped = ingest.sendTo(0, poison.apply(poisoned));
            ingest.sendTo(0, started(bystander, "after-the-poison", now()));

            Eventually.check(APPLIED, () -> assertThat(Api.get(DemoUser.BOB, bystander).getString("status")).isEqualTo("active"));
            assertThat(logs.lines()).anyMatch(line -> line.contains("Skipping a io.sluice.session.started event at "
                    + Topics.SESSIONS + "-0 offset " + skipped.offset() + " that cannot be stored"));
        }
        assertThat(Metrics.value("sluice_auth_session_events_total", REJECTED)).isEqualTo(rejectedBefore + 1);
        assertThat(Db.query("select * from stream_session where stream_id = ?", poisoned)).isEmpty();
        assertThat(Api.get(DemoUser.ALICE, poisoned).getString("status")).isEqualTo("idle");
    }

    @Test
    void whileTheDatabaseRefusesWritesEventsWaitAndAreAllAppliedAfterwards() throws InterruptedException {
        List<String> ids = List.of(create(DemoUser.ALICE, "waits 1").getString("id"), create(DemoUser.BOB, "waits 2").getString("id"));
        double failuresBefore = Metrics.value("sluice_auth_session_events_failures_total", "");
        double rejectedBefore = Metrics.value("sluice_auth_session_events_total", REJECTED);

        // Privileges are checked on every statement: the consumer's writes fail as they would with a
        // database in trouble, while the database itself stays up for everyone else.
        Db.execute("revoke insert, update on stream_session from current_user");
        try {
            ingest.sendTo(0, started(ids.get(0), "patient-1", now()));
            ingest.sendTo(0, started(ids.get(1), "patient-2", now()));
            Eventually.check(APPLIED, () -> assertThat(Metrics.value("sluice_auth_session_events_failures_total", ""))
                    .isGreaterThan(failuresBefore));
            Thread.sleep(1000);
            assertThat(Db.query("select * from stream_session where stream_id in (?, ?)", ids.get(0), ids.get(1))).isEmpty();
        } finally {
            Db.execute("grant insert, update on stream_session to current_user");
        }

        Eventually.check(APPLIED, () -> {
            assertThat(Api.get(DemoUser.ALICE, ids.get(0)).getString("status")).isEqualTo("active");
            assertThat(Api.get(DemoUser.BOB, ids.get(1)).getString("status")).isEqualTo("active");
        });
        assertThat(Metrics.value("sluice_auth_session_events_total", REJECTED)).isEqualTo(rejectedBefore);
        assertThat(as(DemoUser.ALICE).when().get("/v1/live-streams/" + ids.get(0) + "/sessions")
                .then().statusCode(200).extract().jsonPath().getList("data.id", String.class)).containsExactly("patient-1");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
