package io.sluice.auth.storage;

import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MAX_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_BITRATE_MIN_KBPS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.MAX_CONTINUOUS_DURATION_MIN_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.NAME_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.PASSTHROUGH_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MAX_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.RECONNECT_WINDOW_MIN_SECONDS;
import static io.sluice.auth.domain.LiveStreamLimits.SUBJECT_MAX_LENGTH;
import static io.sluice.auth.domain.LiveStreamLimits.TENANT_MAX_LENGTH;
import static io.sluice.auth.support.Api.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.auth.support.Db;
import io.sluice.testkit.DemoUser;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrations' column sizes and check constraints say the same as the Java limits: those of
 * {@code LiveStreamLimits}, which the API validates with, and the session columns' sizes that event texts
 * are cut to. A value the service lets through is never refused by the database, and the database refuses
 * what the service would.
 */
@QuarkusTest
class SchemaLimitsTest {

    private static final String CHECK_VIOLATION = "23514";

    static Stream<Arguments> textColumns() {
        return Stream.of(
                Arguments.of("live_stream", "name", NAME_MAX_LENGTH),
                Arguments.of("live_stream", "passthrough", PASSTHROUGH_MAX_LENGTH),
                Arguments.of("live_stream", "tenant", TENANT_MAX_LENGTH),
                Arguments.of("live_stream", "created_by", SUBJECT_MAX_LENGTH),
                Arguments.of("live_stream", "id", LiveStreamEntity.ID_MAX_LENGTH),
                Arguments.of("stream_session", "stream_id", StreamSessionEntity.STREAM_ID_MAX_LENGTH),
                Arguments.of("stream_session", "session_id", StreamSessionEntity.SESSION_ID_MAX_LENGTH),
                Arguments.of("stream_session", "ingest_instance", StreamSessionEntity.INGEST_INSTANCE_MAX_LENGTH),
                Arguments.of("stream_session", "client_address", StreamSessionEntity.CLIENT_ADDRESS_MAX_LENGTH),
                Arguments.of("stream_session", "protocol", StreamSessionEntity.PROTOCOL_MAX_LENGTH),
                Arguments.of("stream_session", "tls_version", StreamSessionEntity.TLS_VERSION_MAX_LENGTH),
                Arguments.of("stream_session", "encoder", StreamSessionEntity.ENCODER_MAX_LENGTH),
                Arguments.of("stream_session", "end_reason", StreamSessionEntity.END_REASON_MAX_LENGTH),
                Arguments.of("stream_session", "end_detail", StreamSessionEntity.END_DETAIL_MAX_LENGTH),
                Arguments.of("stream_session", "video_codec", StreamSessionEntity.CODEC_MAX_LENGTH),
                Arguments.of("stream_session", "audio_codec", StreamSessionEntity.CODEC_MAX_LENGTH));
    }

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("reconnect_window_seconds", RECONNECT_WINDOW_MIN_SECONDS, RECONNECT_WINDOW_MAX_SECONDS),
                Arguments.of("max_continuous_duration_seconds", MAX_CONTINUOUS_DURATION_MIN_SECONDS,
                        MAX_CONTINUOUS_DURATION_MAX_SECONDS),
                Arguments.of("max_bitrate_kbps", MAX_BITRATE_MIN_KBPS, MAX_BITRATE_MAX_KBPS));
    }

    @ParameterizedTest(name = "{0}.{1} holds {2} characters")
    @MethodSource("textColumns")
    void aTextColumnHoldsWhatTheLimitAllows(String table, String column, int length) {
        assertThat(Db.query("select character_maximum_length as length from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? and column_name = ?", table, column))
                .singleElement().extracting(row -> row.get("length")).isEqualTo(length);
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}]")
    @MethodSource("ranges")
    void theCheckConstraintAllowsTheLimitsAndNothingBeyond(String column, int min, int max) {
        String id = create(DemoUser.ALICE, "limits of " + column).getString("id");
        String update = "update live_stream set " + column + " = ? where id = ?";

        assertThat(Db.execute(update, min, id)).isEqualTo(1);
        assertThat(Db.execute(update, max, id)).isEqualTo(1);
        assertThat(sqlState(() -> Db.execute(update, min - 1, id))).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlState(() -> Db.execute(update, max + 1, id))).isEqualTo(CHECK_VIOLATION);
    }

    private static String sqlState(Runnable statement) {
        Throwable failure = catchThrowable(statement::run);
        assertThat(failure).as("refused").hasCauseInstanceOf(SQLException.class);
        return ((SQLException) failure.getCause()).getSQLState();
    }
}
