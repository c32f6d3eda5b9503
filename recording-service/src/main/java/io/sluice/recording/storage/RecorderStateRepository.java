package io.sluice.recording.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import javax.sql.DataSource;

/** Where each stream's recording stands: its recording, its session, its segmenter checkpoint. */
@ApplicationScoped
public class RecorderStateRepository {

    /** The stored state of one stream's recorder. */
    public record RecorderState(String streamId, String recordingId, String sessionId, boolean sessionEnded,
            byte[] checkpoint) {
    }

    private final Jdbc jdbc;

    RecorderStateRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Optional<RecorderState> find(String streamId) {
        return jdbc.one("select stream_id, recording_id, session_id, session_ended, checkpoint from stream_recorder"
                + " where stream_id = ?", s -> s.setString(1, streamId), row -> new RecorderState(row.getString(1),
                        row.getString(2), row.getString(3), row.getBoolean(4), row.getBytes(5)));
    }

    public void save(RecorderState state) {
        jdbc.update("insert into stream_recorder (stream_id, recording_id, session_id, session_ended, checkpoint,"
                + " updated_at) values (?, ?, ?, ?, ?, now()) on conflict (stream_id) do update set"
                + " recording_id = excluded.recording_id, session_id = excluded.session_id,"
                + " session_ended = excluded.session_ended, checkpoint = excluded.checkpoint, updated_at = now()", s -> {
                    s.setString(1, state.streamId());
                    s.setString(2, state.recordingId());
                    s.setString(3, state.sessionId());
                    s.setBoolean(4, state.sessionEnded());
                    s.setBytes(5, state.checkpoint());
                });
    }
}
