package io.sluice.simulcast.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The live sessions being forwarded, one small row each (ids, partition and the few header bodies a target needs to
 * start), so that whichever instance owns a stream's partition next can resume it. Every method is one statement.
 */
@ApplicationScoped
public class LiveSessionRepository {

    /** The header columns, one per kind of starting tag. */
    public enum Header {
        METADATA("metadata"), VIDEO("video_header"), AUDIO("audio_header");

        private final String column;

        Header(String column) {
            this.column = column;
        }
    }

    /** A stored live session; absent headers are null. */
    public record StoredSession(String streamId, String sessionId, String tenant, int partition, byte[] metadata,
            byte[] videoHeader, byte[] audioHeader) {
    }

    private final DataSource dataSource;

    LiveSessionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A session started: it replaces the stream's previous one, headers to come. */
    public void started(String streamId, String sessionId, String tenant, int partition) {
        execute("insert into simulcast_live_session (stream_id, session_id, tenant, media_partition, started_at)"
                + " values (?, ?, ?, ?, ?) on conflict (stream_id) do update set session_id = excluded.session_id,"
                + " tenant = excluded.tenant, media_partition = excluded.media_partition, metadata = null,"
                + " video_header = null, audio_header = null, started_at = excluded.started_at", s -> {
                    s.setString(1, streamId);
                    s.setString(2, sessionId);
                    s.setString(3, tenant);
                    s.setInt(4, partition);
                    s.setTimestamp(5, Timestamp.from(Instant.now()));
                });
    }

    /** A header of the session passed; a row of another session is left alone. */
    public void header(String streamId, String sessionId, Header header, byte[] body) {
        execute("update simulcast_live_session set " + header.column + " = ? where stream_id = ? and session_id = ?",
                s -> {
                    s.setBytes(1, body);
                    s.setString(2, streamId);
                    s.setString(3, sessionId);
                });
    }

    /** The session ended (or went idle): nothing is left to resume. */
    public void ended(String streamId, String sessionId) {
        execute("delete from simulcast_live_session where stream_id = ? and session_id = ?", s -> {
            s.setString(1, streamId);
            s.setString(2, sessionId);
        });
    }

    /** The live sessions of these partitions of the media log. */
    public List<StoredSession> ofPartitions(Collection<Integer> partitions) {
        String sql = "select stream_id, session_id, tenant, media_partition, metadata, video_header, audio_header"
                + " from simulcast_live_session where media_partition = any(?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("integer", partitions.toArray());
            statement.setArray(1, array);
            List<StoredSession> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredSession(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getBytes(5), rs.getBytes(6), rs.getBytes(7)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the live sessions failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a live session failed: " + e.getMessage(), e);
        }
    }
}
