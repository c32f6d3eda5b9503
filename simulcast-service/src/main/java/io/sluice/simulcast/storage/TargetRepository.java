package io.sluice.simulcast.storage;

import io.sluice.simulcast.crypto.KeyCipher;
import io.sluice.simulcast.domain.Target;
import io.sluice.simulcast.domain.TargetStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The targets in PostgreSQL: one row each, the key sealed. Every method is one statement in its own transaction. */
@ApplicationScoped
public class TargetRepository {

    private static final String COLUMNS = "id, stream_id, tenant, url, host, passthrough, enabled, key_id, key_ciphertext,"
            + " key_last4, tls_ca_pem, created_at, updated_at, status, last_error, connected_at, bytes_out, reconnects";

    /** Sets a statement's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private final DataSource dataSource;

    TargetRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the target unless its stream already has {@code max} targets, in one statement, so that two
     * concurrent requests cannot both pass the limit check.
     *
     * @return false when the stream is full
     */
    public boolean insert(Target t, int max) {
        return update("insert into simulcast_target (" + COLUMNS + ") select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ? where (select count(*) from simulcast_target where stream_id = ?) < ?", s -> {
                    bindAll(s, t);
                    s.setString(19, t.streamId());
                    s.setInt(20, max);
                }) == 1;
    }

    public Optional<Target> find(String streamId, String id) {
        List<Target> rows = query("select " + COLUMNS + " from simulcast_target where stream_id = ? and id = ?", s -> {
            s.setString(1, streamId);
            s.setString(2, id);
        });
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public List<Target> ofStream(String streamId) {
        return query("select " + COLUMNS + " from simulcast_target where stream_id = ? order by created_at, id",
                s -> s.setString(1, streamId));
    }

    /** Replaces what the user may change: url, host, passthrough, enabled, key and CA. */
    public boolean updateSettings(Target t) {
        return update("update simulcast_target set url = ?, host = ?, passthrough = ?, enabled = ?, key_id = ?,"
                + " key_ciphertext = ?, key_last4 = ?, tls_ca_pem = ?, updated_at = ? where id = ?", s -> {
                    s.setString(1, t.url());
                    s.setString(2, t.host());
                    s.setString(3, t.passthrough());
                    s.setBoolean(4, t.enabled());
                    s.setString(5, t.key().keyId());
                    s.setBytes(6, t.key().ciphertext());
                    s.setString(7, t.keyLast4());
                    s.setString(8, t.tlsCaPem());
                    s.setTimestamp(9, Timestamp.from(t.updatedAt()));
                    s.setString(10, t.id());
                }) == 1;
    }

    /** What the forwarding engine saw: the status, why, since when, and the counters. */
    public void updateState(String id, TargetStatus status, String lastError, Instant connectedAt, long bytesOut,
            long reconnects) {
        update("update simulcast_target set status = ?, last_error = ?, connected_at = ?, bytes_out = ?, reconnects = ?"
                + " where id = ?", s -> {
                    s.setString(1, status.wireName());
                    s.setString(2, lastError);
                    s.setTimestamp(3, connectedAt == null ? null : Timestamp.from(connectedAt));
                    s.setLong(4, bytesOut);
                    s.setLong(5, reconnects);
                    s.setString(6, id);
                });
    }

    public boolean delete(String streamId, String id) {
        return update("delete from simulcast_target where stream_id = ? and id = ?", s -> {
            s.setString(1, streamId);
            s.setString(2, id);
        }) == 1;
    }

    private static void bindAll(PreparedStatement s, Target t) throws SQLException {
        s.setString(1, t.id());
        s.setString(2, t.streamId());
        s.setString(3, t.tenant());
        s.setString(4, t.url());
        s.setString(5, t.host());
        s.setString(6, t.passthrough());
        s.setBoolean(7, t.enabled());
        s.setString(8, t.key().keyId());
        s.setBytes(9, t.key().ciphertext());
        s.setString(10, t.keyLast4());
        s.setString(11, t.tlsCaPem());
        s.setTimestamp(12, Timestamp.from(t.createdAt()));
        s.setTimestamp(13, Timestamp.from(t.updatedAt()));
        s.setString(14, t.status().wireName());
        s.setString(15, t.lastError());
        s.setTimestamp(16, t.connectedAt() == null ? null : Timestamp.from(t.connectedAt()));
        s.setLong(17, t.bytesOut());
        s.setLong(18, t.reconnects());
    }

    private static Target read(ResultSet r) throws SQLException {
        Timestamp connected = r.getTimestamp("connected_at");
        return new Target(r.getString("id"), r.getString("stream_id"), r.getString("tenant"), r.getString("url"),
                r.getString("host"), r.getString("passthrough"), r.getBoolean("enabled"),
                new KeyCipher.Sealed(r.getString("key_id"), r.getBytes("key_ciphertext")), r.getString("key_last4"),
                r.getString("tls_ca_pem"), r.getTimestamp("created_at").toInstant(), r.getTimestamp("updated_at").toInstant(),
                TargetStatus.fromWireName(r.getString("status")), r.getString("last_error"),
                connected == null ? null : connected.toInstant(), r.getLong("bytes_out"), r.getLong("reconnects"));
    }

    private List<Target> query(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<Target> targets = new ArrayList<>();
                while (rows.next()) {
                    targets.add(read(rows));
                }
                return targets;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
