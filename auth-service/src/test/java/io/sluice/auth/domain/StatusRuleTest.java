package io.sluice.auth.domain;

import static io.sluice.auth.support.Api.create;
import static io.sluice.auth.support.SessionEvents.ended;
import static io.sluice.auth.support.SessionEvents.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.auth.storage.LiveStreamEntity;
import io.sluice.auth.storage.LiveStreamRepository;
import io.sluice.auth.storage.LiveStreamRepository.StatusFilter;
import io.sluice.auth.support.Api;
import io.sluice.auth.support.Db;
import io.sluice.auth.support.Eventually;
import io.sluice.auth.support.SessionEvents;
import io.sluice.testkit.DemoUser;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The status rule is written twice, in Java ({@link LiveStreamState}) for the streams an answer shows and
 * in SQL ({@code LiveStreamRepository}'s status filter) for a list filtered by status. One table of cases,
 * boundaries to the microsecond included, holds both to the same answer at the same moment.
 */
@QuarkusTest
class StatusRuleTest {

    private static final Duration STORED = Duration.ofSeconds(15);
    private static SessionEvents ingest;

    @Inject
    LiveStreamRepository streams;

    /** A session, in microseconds before the moment the status is asked for; {@code endedBefore} null while live. */
    record Session(long startedBefore, Long endedBefore) {

        static Session live(long startedBefore) {
            return new Session(startedBefore, null);
        }

        static Session endedSecondsAgo(double seconds) {
            long micros = Math.round(seconds * 1_000_000);
            return new Session(micros + 60_000_000, micros);
        }
    }

    static Stream<Arguments> cases() {
        int max = LiveStreamLimits.RECONNECT_WINDOW_MAX_SECONDS;
        return Stream.of(
                Arguments.of("no session yet", 60, true, List.of(), LiveStreamStatus.IDLE),
                Arguments.of("a live session", 60, true, List.of(Session.live(5_000_000)), LiveStreamStatus.ACTIVE),
                Arguments.of("ended within the window", 60, true, List.of(Session.endedSecondsAgo(30)), LiveStreamStatus.ACTIVE),
                Arguments.of("ended a microsecond inside the window", 60, true, List.of(Session.endedSecondsAgo(59.999999)),
                        LiveStreamStatus.ACTIVE),
                Arguments.of("ended exactly the window ago", 60, true, List.of(Session.endedSecondsAgo(60)), LiveStreamStatus.IDLE),
                Arguments.of("ended after the window", 60, true, List.of(Session.endedSecondsAgo(61)), LiveStreamStatus.IDLE),
                Arguments.of("no window, ended a microsecond ago", 0, true, List.of(Session.endedSecondsAgo(0.000001)),
                        LiveStreamStatus.IDLE),
                Arguments.of("the longest window, ended inside it", max, true, List.of(Session.endedSecondsAgo(max - 1)),
                        LiveStreamStatus.ACTIVE),
                Arguments.of("the longest window, ended after it", max, true, List.of(Session.endedSecondsAgo(max + 1)),
                        LiveStreamStatus.IDLE),
                Arguments.of("an old session and a live one", 60, true,
                        List.of(Session.endedSecondsAgo(600), Session.live(5_000_000)), LiveStreamStatus.ACTIVE),
                Arguments.of("disabled while live", 60, false, List.of(Session.live(5_000_000)), LiveStreamStatus.DISABLED),
                Arguments.of("disabled within the window", 60, false, List.of(Session.endedSecondsAgo(30)), LiveStreamStatus.DISABLED),
                Arguments.of("disabled, no session", 60, false, List.of(), LiveStreamStatus.DISABLED));
    }

    @BeforeAll
    static void ingest() {
        ingest = new SessionEvents();
    }

    @AfterAll
    static void close() {
        ingest.close();
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("cases")
    void javaAndSqlGiveTheSameStatus(String what, int window, boolean enabled, List<Session> sessions, LiveStreamStatus expected) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String id = create(DemoUser.OLIVIA, Map.of("name", what, "reconnect_window_seconds", window)).getString("id");
        if (!enabled) {
            Api.as(DemoUser.OLIVIA).when().post("/v1/live-streams/" + id + "/disable").then().statusCode(200);
        }
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            Instant start = now.minus(session.startedBefore(), ChronoUnit.MICROS);
            ingest.send(session.endedBefore() == null ? started(id, "s" + i, start)
                    : ended(id, "s" + i, start, now.minus(session.endedBefore(), ChronoUnit.MICROS), 1));
        }
        Eventually.check(STORED, () -> assertThat(Db.query("select 1 from stream_session where stream_id = ?", id))
                .hasSize(sessions.size()));

        LiveStreamEntity stream = streams.findById(id);
        LiveStreamStatus java = LiveStreamState.of(stream, streams.recentSessions(List.of(id),
                now.minusSeconds(LiveStreamLimits.RECONNECT_WINDOW_MAX_SECONDS)).getOrDefault(id, List.of()), now).status();
        List<LiveStreamStatus> sql = Arrays.stream(LiveStreamStatus.values())
                .filter(status -> streams.page(stream.tenant, StatusFilter.valueOf(status.name()), null, 100_000, now).stream()
                        .anyMatch(listed -> listed.id.equals(id)))
                .toList();

        assertThat(java).as("LiveStreamState").isEqualTo(expected);
        assertThat(sql).as("the status filter").containsExactly(expected);
    }
}
