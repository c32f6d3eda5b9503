package io.sluice.recording.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** The encoder sessions each recording is made of. */
@ApplicationScoped
public class SessionRepository {

    /** One session of a recording. */
    public record RecordingSession(String sessionId, int ordinal, Instant startedAt, Instant endedAt,
            String endReason) {
    }

    private final Jdbc jdbc;

    SessionRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Adds a session as the recording's next; one added before is left as it is. */
    public void add(String recordingId, String sessionId, Instant startedAt) {
        jdbc.update("insert into recording_session (recording_id, session_id, ordinal, started_at)"
                + " select ?, ?, coalesce(max(ordinal), 0) + 1, ? from recording_session where recording_id = ?"
                + " on conflict do nothing", s -> {
                    s.setString(1, recordingId);
                    s.setString(2, sessionId);
                    s.setTimestamp(3, Jdbc.timestamp(startedAt));
                    s.setString(4, recordingId);
                });
    }

    public void end(String recordingId, String sessionId, Instant endedAt, String reason) {
        jdbc.update("update recording_session set ended_at = ?, end_reason = ? where recording_id = ? and session_id = ?"
                + " and ended_at is null",
                s -> {
                    s.setTimestamp(1, Jdbc.timestamp(endedAt));
                    s.setString(2, reason);
                    s.setString(3, recordingId);
                    s.setString(4, sessionId);
                });
    }

    public List<RecordingSession> sessions(String recordingId) {
        return jdbc.query("select session_id, ordinal, started_at, ended_at, end_reason from recording_session"
                + " where recording_id = ? order by ordinal", s -> s.setString(1, recordingId),
                row -> new RecordingSession(row.getString("session_id"), row.getInt("ordinal"),
                        Jdbc.instant(row, "started_at"), Jdbc.instant(row, "ended_at"), row.getString("end_reason")));
    }
}
