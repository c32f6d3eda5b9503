package io.sluice.auth.kafka;

import static io.sluice.auth.support.Api.as;
import static io.sluice.auth.support.Api.create;
import static io.sluice.auth.support.SessionEvents.ended;
import static io.sluice.auth.support.SessionEvents.started;
import static io.sluice.auth.support.SessionEvents.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sluice.auth.support.Api;
import io.sluice.auth.support.Db;
import io.sluice.auth.support.Eventually;
import io.sluice.auth.support.SessionEvents;
import io.sluice.events.EventCodec;
import io.sluice.events.data.SessionStats;
import io.sluice.testkit.DemoUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Session events on the real {@code sluice.sessions.v1}, as an ingest instance sends them, drive a
 * stream's status, active session and history: idle to active on start, back to idle once the session has
 * ended and the reconnect window has passed; redeliveries and events out of order end in the same state.
 */
@QuarkusTest
class SessionStatusTest {

    private static final Duration APPLIED = Duration.ofSeconds(15);
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
    void aSessionMakesTheStreamActiveAndItsEndIdleAfterTheReconnectWindow() {
        String id = create(DemoUser.ALICE, Map.of("name", "live soon", "reconnect_window_seconds", 60)).getString("id");
        String session = UUID.randomUUID().toString();
        Instant start = now();

        ingest.send(started(id, session, start));
        JsonPath active = awaitStatus(DemoUser.ALICE, id, "active");
        assertThat(active.getString("active_session.id")).isEqualTo(session);
        assertThat(active.getString("active_session.client_address")).isEqualTo("203.0.113.7:50412");
        assertThat(active.getString("active_session.protocol")).isEqualTo("rtmps");

        ingest.send(stats(id, session, start.plusSeconds(5), 2_000_000));
        Eventually.check(APPLIED, () -> {
            JsonPath stream = Api.get(DemoUser.ALICE, id);
            assertThat(stream.getLong("active_session.bitrate_kbps")).isEqualTo(4500);
            assertThat(stream.getString("active_session.video_codec")).isEqualTo("avc1");
            assertThat(stream.getInt("active_session.height")).isEqualTo(1080);
        });
        as(DemoUser.ALICE).queryParam("status", "active").queryParam("limit", 100).when().get("/v1/live-streams")
                .then().statusCode(200).body("data.id", hasItem(id));

        ingest.send(ended(id, session, start, now(), 3_000_000));
        // The session has ended, well within the 60 s reconnect window: still active, with no live session.
        JsonPath reconnecting = Eventually.get(APPLIED, () -> {
            JsonPath stream = Api.get(DemoUser.ALICE, id);
            assertThat(stream.getMap("active_session")).isNull();
            return stream;
        });
        assertThat(reconnecting.getString("status")).isEqualTo("active");
        as(DemoUser.ALICE).queryParam("status", "active").queryParam("limit", 100).when().get("/v1/live-streams")
                .then().statusCode(200).body("data.id", hasItem(id));

        // With a window of 1 s, the end is soon longer ago than the window: idle.
        as(DemoUser.ALICE).body(Map.of("reconnect_window_seconds", 1)).when().patch("/v1/live-streams/" + id)
                .then().statusCode(200);
        awaitStatus(DemoUser.ALICE, id, "idle");
        as(DemoUser.ALICE).queryParam("status", "idle").queryParam("limit", 100).when().get("/v1/live-streams")
                .then().statusCode(200).body("data.id", hasItem(id));

        JsonPath history = as(DemoUser.ALICE).when().get("/v1/live-streams/" + id + "/sessions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("data")).hasSize(1);
        assertThat(history.getString("data[0].id")).isEqualTo(session);
        assertThat(Instant.parse(history.getString("data[0].started_at"))).isEqualTo(start);
        assertThat(history.getString("data[0].ended_at")).isNotNull();
        assertThat(history.getString("data[0].end_reason")).isEqualTo("client_closed");
        assertThat(history.getLong("data[0].bytes_in")).isEqualTo(3_000_000);
        assertThat(history.getString("data[0].video_codec")).isEqualTo("avc1");
        assertThat(history.getString("data[0].audio_codec")).isEqualTo("mp4a");
        assertThat(history.getString("data[0].client_address")).isEqualTo("203.0.113.7:50412");
        assertThat(history.getString("data[0].protocol")).isEqualTo("rtmps");
        assertThat(history.getString("data[0].tls_version")).isEqualTo("TLSv1.3");
        assertThat(history.getString("data[0].encoder")).isEqualTo("FMLE/3.0 (compatible; FMSc/1.0)");
        assertThat(history.getString("data[0].ingest_instance")).isEqualTo("ingest-1");
        assertThat(Instant.parse(history.getString("data[0].stats_at"))).isEqualTo(start.plusSeconds(5));
        assertThat(history.getLong("data[0].bitrate_kbps")).isEqualTo(4500);
        assertThat(history.getInt("data[0].width")).isEqualTo(1920);
        assertThat(history.getInt("data[0].height")).isEqualTo(1080);
        assertThat(history.getDouble("data[0].video_frame_rate")).isEqualTo(30.0);
        assertThat(history.getLong("data[0].keyframe_interval_ms")).isEqualTo(2000);
        assertThat(history.getInt("data[0].audio_sample_rate")).isEqualTo(48000);
        assertThat(history.getInt("data[0].audio_channels")).isEqualTo(2);
        assertThat(history.getLong("data[0].video_frames")).isEqualTo(900);
        assertThat(history.getLong("data[0].audio_frames")).isEqualTo(1400);
    }

    @Test
    void whatAStreamDoesNotHaveIsNullInTheHistoryNotZero() {
        String id = create(DemoUser.ALICE, Map.of("name", "video only", "reconnect_window_seconds", 0)).getString("id");
        Instant t0 = now().minusSeconds(60);

        ingest.send(new SessionStats(id, "acme", "silent", t0.plusSeconds(5), 5000, 2500, 25.0, 4000, "hvc1", 1280, 720,
                null, 0, 0, 1000));
        awaitSessions(id, 1);

        JsonPath history = as(DemoUser.ALICE).when().get("/v1/live-streams/" + id + "/sessions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getString("data[0].video_codec")).isEqualTo("hvc1");
        assertThat(history.getInt("data[0].width")).isEqualTo(1280);
        assertThat(history.getLong("data[0].keyframe_interval_ms")).isEqualTo(4000);
        assertThat(history.getMap("data[0]")).containsEntry("audio_codec", null).containsEntry("audio_sample_rate", null)
                .containsEntry("audio_channels", null).containsEntry("started_at", null).containsEntry("tls_version", null);
    }

    @Test
    void theStreamStaysActiveWithinTheReconnectWindowAndIdleAfterIt() {
        String inWindow = create(DemoUser.ALICE, Map.of("name", "dropped now", "reconnect_window_seconds", 60)).getString("id");
        String pastWindow = create(DemoUser.ALICE, Map.of("name", "dropped long ago", "reconnect_window_seconds", 60)).getString("id");
        Instant now = now();

        ingest.send(ended(inWindow, "s-1", now.minusSeconds(30), now.minusSeconds(1), 10));
        ingest.send(ended(pastWindow, "s-1", now.minusSeconds(200), now.minusSeconds(61), 10));

        awaitSessions(inWindow, 1);
        awaitSessions(pastWindow, 1);
        assertThat(Api.get(DemoUser.ALICE, inWindow).getString("status")).isEqualTo("active");
        assertThat(Api.get(DemoUser.ALICE, pastWindow).getString("status")).isEqualTo("idle");
    }

    @Test
    void aReconnectUnderANewSessionKeepsTheStreamActiveWhateverTheOrderOfEvents() {
        String id = create(DemoUser.ALICE, "reconnecting").getString("id");
        Instant t0 = now();

        ingest.send(started(id, "first", t0));
        awaitStatus(DemoUser.ALICE, id, "active");
        // The new instance's start arrives before the old instance reports the end of the first session.
        ingest.send(started(id, "second", t0.plusSeconds(10)));
        ingest.send(ended(id, "first", t0, t0.plusSeconds(8), 100));

        awaitSessions(id, 2);
        Eventually.check(APPLIED, () -> {
            JsonPath stream = Api.get(DemoUser.ALICE, id);
            assertThat(stream.getString("status")).isEqualTo("active");
            assertThat(stream.getString("active_session.id")).isEqualTo("second");
        });
        JsonPath history = as(DemoUser.ALICE).when().get("/v1/live-streams/" + id + "/sessions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("data.id", String.class)).containsExactly("second", "first");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        String id = create(DemoUser.ALICE, Map.of("name", "redelivered", "reconnect_window_seconds", 0)).getString("id");
        Instant t0 = now().minusSeconds(120);

        ingest.sendTwice(started(id, "once", t0));
        ingest.sendTwice(stats(id, "once", t0.plusSeconds(5), 500));
        ingest.sendTwice(ended(id, "once", t0, t0.plusSeconds(9), 900));
        ingest.sendTwice(started(id, "once", t0));
        ingest.sendTwice(ended(id, "once", t0, t0.plusSeconds(9), 900));
        ingest.send(ended(id, "marker", t0.plusSeconds(20), t0.plusSeconds(21), 1));

        awaitSessions(id, 2);
        JsonPath history = as(DemoUser.ALICE).when().get("/v1/live-streams/" + id + "/sessions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("data.id", String.class)).containsExactly("marker", "once");
        assertThat(history.getLong("data[1].bytes_in")).isEqualTo(900);
        assertThat(Instant.parse(history.getString("data[1].ended_at"))).isEqualTo(t0.plusSeconds(9));
        assertThat(Api.get(DemoUser.ALICE, id).getString("status")).isEqualTo("idle");
    }

    @Test
    void eventsOutOfOrderEndInTheSameState() {
        String id = create(DemoUser.ALICE, Map.of("name", "shuffled", "reconnect_window_seconds", 0)).getString("id");
        Instant t0 = now().minusSeconds(120);

        // End first, then a late stats window, then the start.
        ingest.send(ended(id, "late-start", t0, t0.plusSeconds(30), 7000));
        ingest.send(stats(id, "late-start", t0.plusSeconds(25), 6000));
        ingest.send(stats(id, "late-start", t0.plusSeconds(10), 2000));
        ingest.send(started(id, "late-start", t0));
        ingest.send(ended(id, "marker", t0.plusSeconds(40), t0.plusSeconds(41), 1));

        awaitSessions(id, 2);
        JsonPath history = as(DemoUser.ALICE).when().get("/v1/live-streams/" + id + "/sessions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("data.id", String.class)).containsExactly("marker", "late-start");
        assertThat(Instant.parse(history.getString("data[1].started_at"))).isEqualTo(t0);
        assertThat(Instant.parse(history.getString("data[1].ended_at"))).isEqualTo(t0.plusSeconds(30));
        assertThat(history.getLong("data[1].bytes_in")).isEqualTo(7000);
        assertThat(history.getString("data[1].end_reason")).isEqualTo("client_closed");
        assertThat(Api.get(DemoUser.ALICE, id).getString("status")).isEqualTo("idle");
        assertThat(Api.get(DemoUser.ALICE, id).getMap("active_session")).isNull();
    }

    @Test
    void eventsOfUnknownStreamsAndMalformedRecordsAreSkipped() {
        String id = create(DemoUser.ALICE, "after the noise").getString("id");

        ingest.send(started("ls_ffffffffffffffffffffffffffffffff", "ghost", now()));
        ingest.sendRaw(id, "{not json".getBytes(), "content-type", EventCodec.STRUCTURED_CONTENT_TYPE);
        ingest.sendRaw(id, "{}".getBytes(), null, null);
        ingest.send(started(id, "real", now()));

        awaitStatus(DemoUser.ALICE, id, "active");
    }

    @Test
    void historyIsPagedNewestFirstAndFollowsTheDisabledStatus() {
        String id = create(DemoUser.ALICE, Map.of("name", "busy", "reconnect_window_seconds", 0)).getString("id");
        Instant t0 = now().minusSeconds(3600);
        for (int i = 0; i < 5; i++) {
            ingest.send(ended(id, "s" + i, t0.plusSeconds(i * 60L), t0.plusSeconds(i * 60L + 30), i));
        }
        awaitSessions(id, 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(DemoUser.ALICE).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/v1/live-streams/" + id + "/sessions").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.id", String.class));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(seen).containsExactly("s4", "s3", "s2", "s1", "s0");

        ingest.send(started(id, "live-while-disabled", now()));
        awaitStatus(DemoUser.ALICE, id, "active");
        as(DemoUser.ALICE).when().post("/v1/live-streams/" + id + "/disable")
                .then().statusCode(200).body("status", equalTo("disabled"));
    }

    @Test
    void pagingThroughTheHistoryWhileALateStartArrivesNeitherSkipsNorRepeats() {
        String id = create(DemoUser.ALICE, Map.of("name", "late start", "reconnect_window_seconds", 0)).getString("id");
        Instant t0 = now().minusSeconds(3600);
        for (int i = 0; i < 5; i++) {
            ingest.send(ended(id, "s" + i, t0.plusSeconds(i * 60L), t0.plusSeconds(i * 60L + 30), i));
        }
        // Known first by its stats: until its start arrives, nothing says it began before all the others.
        ingest.send(stats(id, "late", now(), 100));
        awaitSessions(id, 6);

        JsonPath first = as(DemoUser.ALICE).queryParam("limit", 2).when().get("/v1/live-streams/" + id + "/sessions")
                .then().statusCode(200).extract().jsonPath();
        List<String> seen = new ArrayList<>(first.getList("data.id", String.class));
        assertThat(seen).containsExactly("late", "s4");

        ingest.send(started(id, "late", t0.minusSeconds(600)));
        Eventually.check(APPLIED, () -> assertThat(Db.query(
                "select started_at from stream_session where stream_id = ? and session_id = 'late'", id).getFirst().get("started_at"))
                .isNotNull());

        String cursor = first.getString("next_cursor");
        while (cursor != null) {
            JsonPath page = as(DemoUser.ALICE).queryParam("limit", 2).queryParam("cursor", cursor)
                    .when().get("/v1/live-streams/" + id + "/sessions").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.id", String.class));
            cursor = page.getString("next_cursor");
        }
        assertThat(seen).containsExactly("late", "s4", "s3", "s2", "s1", "s0");
    }

    @Test
    void sessionsOfADeletedStreamAreForgotten() {
        String id = create(DemoUser.ALICE, "deleted while live").getString("id");
        ingest.send(started(id, "doomed", now()));
        awaitStatus(DemoUser.ALICE, id, "active");

        as(DemoUser.ALICE).when().delete("/v1/live-streams/" + id).then().statusCode(204);
        ingest.send(ended(id, "doomed", now(), now(), 1));

        as(DemoUser.ALICE).when().get("/v1/live-streams/" + id + "/sessions").then().statusCode(404);
        Eventually.check(APPLIED, () -> assertThat(Db.query(
                "select * from stream_session where stream_id = ?", id)).isEmpty());
    }

    private static JsonPath awaitStatus(DemoUser user, String id, String status) {
        return Eventually.get(APPLIED, () -> {
            JsonPath stream = Api.get(user, id);
            assertThat(stream.getString("status")).isEqualTo(status);
            return stream;
        });
    }

    private static void awaitSessions(String id, int count) {
        Eventually.check(APPLIED, () -> assertThat(as(DemoUser.ALICE).when().get("/v1/live-streams/" + id + "/sessions?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("data")).hasSize(count));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
