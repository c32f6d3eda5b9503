package io.sluice.recording.storage;

import io.sluice.recording.domain.RecorderFencedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Where each stream's recording stands: its recording, its session, its segmenter checkpoint, and the epoch of
 * the instance that may write it (see {@code V2__recorder_epochs.sql}).
 */
@ApplicationScoped
public class RecorderStateRepository {

    /** The stored state of one stream's recorder. */
    public record RecorderState(String streamId, String recordingId, String sessionId, boolean sessionEnded,
            byte[] checkpoint) {
    }

    /** A stored state with the epoch it is now claimed with. */
    public record Claimed(RecorderState state, long epoch) {
    }

    private static final String COLUMNS = "stream_id, recording_id, session_id, session_ended, checkpoint";

    private final Jdbc jdbc;

    RecorderStateRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Optional<RecorderState> find(String streamId) {
        return jdbc.one("select " + COLUMNS + " from stream_recorder where stream_id = ?",
                s -> s.setString(1, streamId), RecorderStateRepository::state);
    }

    /**
     * Takes the stream over: a new epoch fences every instance that wrote it before, and the state is read as that
     * instance last committed it (the claim waits for a round that holds the row). Empty when nothing of the
     * stream is stored yet.
     */
    public Optional<Claimed> claim(String streamId) {
        return jdbc.one("update stream_recorder set epoch = nextval('stream_recorder_epoch') where stream_id = ?"
                + " returning " + COLUMNS + ", epoch", s -> s.setString(1, streamId),
                row -> new Claimed(state(row), row.getLong("epoch")));
    }

    /**
     * Saves the state if the stream is still held with {@code epoch} ({@code 0}: nothing of it stored yet, and a
     * first save claims it); returns the epoch it is held with now.
     *
     * @throws RecorderFencedException another instance has claimed the stream since
     */
    public long save(RecorderState state, long epoch) {
        Optional<Long> saved = jdbc.one("insert into stream_recorder (" + COLUMNS + ", updated_at, epoch)"
                + " values (?, ?, ?, ?, ?, now(), nextval('stream_recorder_epoch')) on conflict (stream_id) do update set"
                + " recording_id = excluded.recording_id, session_id = excluded.session_id,"
                + " session_ended = excluded.session_ended, checkpoint = excluded.checkpoint, updated_at = now()"
                + " where stream_recorder.epoch = ? returning epoch", s -> {
                    s.setString(1, state.streamId());
                    s.setString(2, state.recordingId());
                    s.setString(3, state.sessionId());
                    s.setBoolean(4, state.sessionEnded());
                    s.setBytes(5, state.checkpoint());
                    s.setLong(6, epoch);
                }, row -> row.getLong(1));
        return saved.orElseThrow(() -> new RecorderFencedException(state.streamId()));
    }

    /** A state to save if its stream is still held with {@code epoch}. */
    public record Held(RecorderState state, long epoch) {
    }

    /**
     * Saves the states of many streams in one batch, each if its stream is still held with its epoch; a stream
     * with nothing stored yet (epoch {@code 0}) is claimed as {@link #save} does.
     *
     * @throws RecorderFencedException for the first stream another instance has claimed since
     */
    public void saveAll(Collection<Held> states) {
        List<Held> held = new ArrayList<>(states.size());
        for (Held state : states) {
            if (state.epoch() == 0) {
                save(state.state(), 0);
            } else {
                held.add(state);
            }
        }
        int[] saved = jdbc.batch("update stream_recorder set recording_id = ?, session_id = ?, session_ended = ?,"
                + " checkpoint = ?, updated_at = now() where stream_id = ? and epoch = ?", held, (s, state) -> {
                    s.setString(1, state.state().recordingId());
                    s.setString(2, state.state().sessionId());
                    s.setBoolean(3, state.state().sessionEnded());
                    s.setBytes(4, state.state().checkpoint());
                    s.setString(5, state.state().streamId());
                    s.setLong(6, state.epoch());
                });
        for (int i = 0; i < saved.length; i++) {
            if (saved[i] == 0) {
                throw new RecorderFencedException(held.get(i).state().streamId());
            }
        }
    }

    /**
     * Locks the rows of these streams (in one order, so that two rounds cannot deadlock) until the caller's
     * transaction ends, and checks that each is still held with the epoch given ({@code 0}: no row yet).
     *
     * @throws RecorderFencedException for the first stream another instance has claimed since
     */
    public void hold(Map<String, Long> epochs) {
        if (epochs.isEmpty()) {
            return;
        }
        Map<String, Long> sorted = new TreeMap<>(epochs);
        List<Map.Entry<String, Long>> stored = jdbc.query("select stream_id, epoch from stream_recorder"
                + " where stream_id = any(?) order by stream_id for update", s -> {
                    Array ids = s.getConnection().createArrayOf("varchar", sorted.keySet().toArray());
                    s.setArray(1, ids);
                }, row -> Map.entry(row.getString(1), row.getLong(2)));
        Map<String, Long> current = new TreeMap<>();
        stored.forEach(entry -> current.put(entry.getKey(), entry.getValue()));
        for (Map.Entry<String, Long> expected : sorted.entrySet()) {
            Long held = current.get(expected.getKey());
            if (held == null ? expected.getValue() != 0 : held.longValue() != expected.getValue()) {
                throw new RecorderFencedException(expected.getKey());
            }
        }
    }

    private static RecorderState state(java.sql.ResultSet row) throws SQLException {
        return new RecorderState(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4),
                row.getBytes(5));
    }
}
