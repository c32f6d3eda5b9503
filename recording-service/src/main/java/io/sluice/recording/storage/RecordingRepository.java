package io.sluice.recording.storage;

import io.sluice.recording.domain.Recording;
import io.sluice.recording.domain.RecordingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Recordings in PostgreSQL. A {@code tenant} of {@code null} means every tenant (an admin's read). */
@ApplicationScoped
public class RecordingRepository {

    private static final String COLUMNS = "id, tenant, stream_id, playback_id, keep, status, reconnect_window_seconds,"
            + " started_at, ended_at, ready_at, deleted_at, failure_reason, duration_micros, size_bytes, segment_count,"
            + " expires_at, media_version";

    /** Where a page of recordings ends (newest first). */
    public record PageCursor(Instant startedAt, String id) {
    }

    private final Jdbc jdbc;

    RecordingRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public void insert(Recording recording) {
        jdbc.update("insert into recording (" + COLUMNS + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, now())", statement -> {
                    statement.setString(1, recording.id());
                    statement.setString(2, recording.tenant());
                    statement.setString(3, recording.streamId());
                    statement.setString(4, recording.playbackId());
                    statement.setBoolean(5, recording.keep());
                    statement.setString(6, recording.status().wireName());
                    statement.setInt(7, recording.reconnectWindowSeconds());
                    statement.setTimestamp(8, Jdbc.timestamp(recording.startedAt()));
                    statement.setTimestamp(9, Jdbc.timestamp(recording.endedAt()));
                    statement.setTimestamp(10, Jdbc.timestamp(recording.readyAt()));
                    statement.setTimestamp(11, Jdbc.timestamp(recording.deletedAt()));
                    statement.setString(12, recording.failureReason());
                    statement.setLong(13, recording.durationMicros());
                    statement.setLong(14, recording.sizeBytes());
                    statement.setInt(15, recording.segmentCount());
                    statement.setTimestamp(16, Jdbc.timestamp(recording.expiresAt()));
                    statement.setLong(17, recording.mediaVersion());
                });
    }

    public Optional<Recording> find(String id) {
        return jdbc.one("select " + COLUMNS + " from recording where id = ?", s -> s.setString(1, id),
                RecordingRepository::map);
    }

    /** The recording, its row locked until the transaction ends. */
    public Optional<Recording> findForUpdate(String id) {
        return jdbc.one("select " + COLUMNS + " from recording where id = ? for update", s -> s.setString(1, id),
                RecordingRepository::map);
    }

    /** The recording {@code id}, if it is {@code tenant}'s ({@code null}: any tenant's). */
    public Optional<Recording> findVisible(String id, String tenant) {
        return tenant == null ? find(id) : jdbc.one("select " + COLUMNS + " from recording where id = ? and tenant = ?",
                s -> {
                    s.setString(1, id);
                    s.setString(2, tenant);
                }, RecordingRepository::map);
    }

    /** The newest recording of a playback id that can be played: live, or kept and ready. */
    public Optional<Recording> findLatestPlayable(String playbackId) {
        return jdbc.one("select " + COLUMNS + " from recording where playback_id = ? and (status = 'recording'"
                + " or (status = 'ready' and keep)) order by started_at desc, id desc limit 1",
                s -> s.setString(1, playbackId), RecordingRepository::map);
    }

    /** The newest recording of a stream that is still recording, its row locked. */
    public Optional<Recording> findOpenForUpdate(String streamId) {
        return jdbc.one("select " + COLUMNS + " from recording where stream_id = ? and status = 'recording'"
                + " order by started_at desc, id desc limit 1 for update", s -> s.setString(1, streamId),
                RecordingRepository::map);
    }

    public List<Recording> page(String tenant, String streamId, RecordingStatus status, PageCursor after, int limit) {
        List<String> where = new ArrayList<>();
        where.add("keep");
        if (tenant != null) {
            where.add("tenant = ?");
        }
        if (streamId != null) {
            where.add("stream_id = ?");
        }
        where.add(status == null ? "status <> 'deleted'" : "status = ?");
        if (after != null) {
            where.add("(started_at, id) < (?, ?)");
        }
        String sql = "select " + COLUMNS + " from recording where " + String.join(" and ", where)
                + " order by started_at desc, id desc limit ?";
        return jdbc.query(sql, s -> {
            int i = 1;
            if (tenant != null) {
                s.setString(i++, tenant);
            }
            if (streamId != null) {
                s.setString(i++, streamId);
            }
            if (status != null) {
                s.setString(i++, status.wireName());
            }
            if (after != null) {
                s.setTimestamp(i++, Jdbc.timestamp(after.startedAt()));
                s.setString(i++, after.id());
            }
            s.setInt(i, limit);
        }, RecordingRepository::map);
    }

    /** Recordings whose last session ended before {@code endedBefore} plus their window, locked, skipping locked ones. */
    public List<Recording> dueToFinish(Instant now, long graceMillis, int limit) {
        return jdbc.query("select " + COLUMNS + " from recording where status = 'recording' and ended_at is not null"
                + " and ended_at + make_interval(secs => reconnect_window_seconds) + make_interval(secs => ? / 1000.0) < ?"
                + " order by ended_at limit ? for update skip locked", s -> {
                    s.setLong(1, graceMillis);
                    s.setTimestamp(2, Jdbc.timestamp(now));
                    s.setInt(3, limit);
                }, RecordingRepository::map);
    }

    /** Ready or failed recordings past their retention, locked, skipping locked ones. */
    public List<Recording> expired(Instant now, int limit) {
        return jdbc.query("select " + COLUMNS + " from recording where status in ('ready', 'failed')"
                + " and expires_at < ? order by expires_at limit ? for update skip locked", s -> {
                    s.setTimestamp(1, Jdbc.timestamp(now));
                    s.setInt(2, limit);
                }, RecordingRepository::map);
    }

    /** A session ended ({@code endedAt}) or joined ({@code null}). */
    public void setEndedAt(String id, Instant endedAt) {
        jdbc.update("update recording set ended_at = ?, media_version = media_version + 1, updated_at = now()"
                + " where id = ?", s -> {
                    s.setTimestamp(1, Jdbc.timestamp(endedAt));
                    s.setString(2, id);
                });
    }

    /** Parts of these recordings were stored: held requests wake. */
    public void touch(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("update recording set media_version = media_version + 1 where id = any(?)",
                s -> s.setArray(1, s.getConnection().createArrayOf("varchar", ids.toArray())));
    }

    /** A status change, with when it happened and what goes with it. */
    public void setStatus(String id, RecordingStatus status, Instant at, String failureReason, Instant expiresAt) {
        jdbc.update("update recording set status = ?, ready_at = case when ? in ('ready', 'failed') then ? else ready_at end,"
                + " deleted_at = case when ? = 'deleted' then ? else deleted_at end, failure_reason = coalesce(?, failure_reason),"
                + " expires_at = ?, media_version = media_version + 1, updated_at = now() where id = ?", s -> {
                    s.setString(1, status.wireName());
                    s.setString(2, status.wireName());
                    s.setTimestamp(3, Jdbc.timestamp(at));
                    s.setString(4, status.wireName());
                    s.setTimestamp(5, Jdbc.timestamp(at));
                    s.setString(6, failureReason);
                    if (expiresAt == null) {
                        s.setNull(7, Types.TIMESTAMP);
                    } else {
                        s.setTimestamp(7, Jdbc.timestamp(expiresAt));
                    }
                    s.setString(8, id);
                });
    }

    /** Removes a recording that kept nothing, with everything that belongs to it. */
    public void delete(String id) {
        jdbc.update("delete from recording where id = ?", s -> s.setString(1, id));
    }

    /** The media version of each recording, for held requests. */
    public Optional<Long> mediaVersion(String id) {
        return jdbc.one("select media_version from recording where id = ?", s -> s.setString(1, id),
                row -> row.getLong(1));
    }

    static Recording map(ResultSet row) throws SQLException {
        return new Recording(row.getString("id"), row.getString("tenant"), row.getString("stream_id"),
                row.getString("playback_id"), row.getBoolean("keep"),
                RecordingStatus.fromWireName(row.getString("status")).orElseThrow(),
                row.getInt("reconnect_window_seconds"), Jdbc.instant(row, "started_at"), Jdbc.instant(row, "ended_at"),
                Jdbc.instant(row, "ready_at"), Jdbc.instant(row, "deleted_at"), row.getString("failure_reason"),
                row.getLong("duration_micros"), row.getLong("size_bytes"), row.getInt("segment_count"),
                Jdbc.instant(row, "expires_at"), row.getLong("media_version"));
    }
}
