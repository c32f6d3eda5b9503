package io.sluice.recording.storage;

import io.sluice.media.cmaf.TrackConfiguration;
import io.sluice.media.cmaf.TrackConfigurations;
import io.sluice.media.cmaf.TrackKind;
import io.sluice.media.codec.CodecLimits;
import io.sluice.recording.domain.Period;
import io.sluice.recording.domain.StoredPart;
import io.sluice.recording.domain.StoredSegment;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The periods, segments and parts of recordings. */
@ApplicationScoped
public class MediaRepository {

    /** A segment with its fragment index, for the MP4 download. */
    public record IndexedSegment(StoredSegment segment, byte[] fragmentIndex) {
    }

    /** The newest segment and part of a recording: where its live edge is. */
    public record Edge(long segment, int part) {
    }

    /** A part of one of the recordings a round stores. */
    public record RecordingPart(String recordingId, StoredPart part) {
    }

    /** A complete segment of one of the recordings a round stores, with its fragment index. */
    public record RecordingSegment(String recordingId, StoredSegment segment, byte[] fragmentIndex) {
    }

    /** Where a deleted part was: its object goes too. */
    public record PartPlace(String recordingId, long segment, int part) {
    }

    private final Jdbc jdbc;

    MediaRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Stores a period; one stored again (after a replay) is left as it is. */
    public void insertPeriod(String recordingId, Period period) {
        TrackConfiguration video = track(period, TrackKind.VIDEO);
        TrackConfiguration audio = track(period, TrackKind.AUDIO);
        jdbc.update("insert into recording_period (recording_id, period, video_codec, video_config, audio_codec,"
                + " audio_config, codecs, width, height, sample_rate, channels) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing", s -> {
                    s.setString(1, recordingId);
                    s.setInt(2, period.period());
                    s.setString(3, video == null ? null : video.fourCc());
                    s.setBytes(4, video == null ? null : video.source().toByteArray());
                    s.setString(5, audio == null ? null : audio.fourCc());
                    s.setBytes(6, audio == null ? null : audio.source().toByteArray());
                    s.setString(7, period.codecs());
                    s.setInt(8, period.width());
                    s.setInt(9, period.height());
                    s.setInt(10, period.sampleRate());
                    s.setInt(11, period.channels());
                });
    }

    public List<Period> periods(String recordingId, CodecLimits limits) {
        return jdbc.query("select period, video_codec, video_config, audio_codec, audio_config from recording_period"
                + " where recording_id = ? order by period", s -> s.setString(1, recordingId), row -> {
                    List<TrackConfiguration> tracks = new ArrayList<>(2);
                    if (row.getString("video_codec") != null) {
                        tracks.add(TrackConfigurations.of(row.getString("video_codec"), row.getBytes("video_config"),
                                limits));
                    }
                    if (row.getString("audio_codec") != null) {
                        tracks.add(TrackConfigurations.of(row.getString("audio_codec"), row.getBytes("audio_config"),
                                limits));
                    }
                    return Period.of(row.getInt("period"), tracks);
                });
    }

    /** The first period's picture and codecs, for the multivariant playlist and the API, without the records. */
    public List<Period> periodSummaries(String recordingId) {
        return jdbc.query("select period, codecs, width, height, sample_rate, channels from recording_period"
                + " where recording_id = ? order by period", s -> s.setString(1, recordingId),
                row -> new Period(row.getInt("period"), List.of(), row.getString("codecs"), row.getInt("width"),
                        row.getInt("height"), row.getInt("sample_rate"), row.getInt("channels")));
    }

    /** Stores parts of any recordings, in one batch; a part stored again (after a replay) is replaced. */
    public void insertParts(List<RecordingPart> parts) {
        jdbc.batch("insert into recording_part (recording_id, segment, part, period, duration_micros, size_bytes,"
                + " independent) values (?, ?, ?, ?, ?, ?, ?) on conflict (recording_id, segment, part) do update set"
                + " period = excluded.period, duration_micros = excluded.duration_micros, size_bytes = excluded.size_bytes,"
                + " independent = excluded.independent", parts, (s, stored) -> {
                    StoredPart part = stored.part();
                    s.setString(1, stored.recordingId());
                    s.setLong(2, part.segment());
                    s.setInt(3, part.part());
                    s.setInt(4, part.period());
                    s.setLong(5, part.durationMicros());
                    s.setLong(6, part.sizeBytes());
                    s.setBoolean(7, part.independent());
                });
    }

    /**
     * Stores segments of any recordings, in one batch, and adds each to its recording's totals; one stored before
     * (a replay) is left as it is and not counted twice.
     */
    public void insertSegments(List<RecordingSegment> segments) {
        jdbc.batch("with added as (insert into recording_segment (recording_id, segment, period, duration_micros,"
                + " size_bytes, independent, fragment_index) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing"
                + " returning recording_id, duration_micros, size_bytes)"
                + " update recording set duration_micros = recording.duration_micros + added.duration_micros,"
                + " size_bytes = recording.size_bytes + added.size_bytes, segment_count = recording.segment_count + 1,"
                + " media_version = recording.media_version + 1, updated_at = now()"
                + " from added where recording.id = added.recording_id", segments, (s, stored) -> {
                    StoredSegment segment = stored.segment();
                    s.setString(1, stored.recordingId());
                    s.setLong(2, segment.segment());
                    s.setInt(3, segment.period());
                    s.setLong(4, segment.durationMicros());
                    s.setLong(5, segment.sizeBytes());
                    s.setBoolean(6, segment.independent());
                    s.setBytes(7, stored.fragmentIndex());
                });
    }

    /**
     * Deletes, in one statement, the parts of each recording's segments before the one given, which are dropped
     * from the live edge; returns where they were.
     */
    public List<PartPlace> deletePartsBefore(Map<String, Long> beforeSegment) {
        if (beforeSegment.isEmpty()) {
            return List.of();
        }
        return jdbc.query("delete from recording_part using unnest(?::varchar[], ?::bigint[]) as dropped (recording_id,"
                + " before) where recording_part.recording_id = dropped.recording_id"
                + " and recording_part.segment < dropped.before"
                + " returning recording_part.recording_id, recording_part.segment, recording_part.part", s -> {
                    s.setArray(1, s.getConnection().createArrayOf("varchar", beforeSegment.keySet().toArray()));
                    s.setArray(2, s.getConnection().createArrayOf("bigint", beforeSegment.values().toArray()));
                }, row -> new PartPlace(row.getString(1), row.getLong(2), row.getInt(3)));
    }

    /** The segments of a recording in order, the newest {@code limit} of them ({@code 0}: all). */
    public List<StoredSegment> segments(String recordingId, int limit) {
        String sql = "select segment, period, duration_micros, size_bytes, independent from recording_segment"
                + " where recording_id = ? order by segment desc" + (limit > 0 ? " limit ?" : "");
        List<StoredSegment> newestFirst = jdbc.query(sql, s -> {
            s.setString(1, recordingId);
            if (limit > 0) {
                s.setInt(2, limit);
            }
        }, MediaRepository::segment);
        return newestFirst.reversed();
    }

    public Optional<StoredSegment> segment(String recordingId, long segment) {
        return jdbc.one("select segment, period, duration_micros, size_bytes, independent from recording_segment"
                + " where recording_id = ? and segment = ?", s -> {
                    s.setString(1, recordingId);
                    s.setLong(2, segment);
                }, MediaRepository::segment);
    }

    public List<IndexedSegment> indexedSegments(String recordingId) {
        return jdbc.query("select segment, period, duration_micros, size_bytes, independent, fragment_index"
                + " from recording_segment where recording_id = ? order by segment", s -> s.setString(1, recordingId),
                row -> new IndexedSegment(segment(row), row.getBytes("fragment_index")));
    }

    /** The parts of segments from {@code fromSegment} on, in order. */
    public List<StoredPart> parts(String recordingId, long fromSegment) {
        return jdbc.query("select segment, part, period, duration_micros, size_bytes, independent from recording_part"
                + " where recording_id = ? and segment >= ? order by segment, part", s -> {
                    s.setString(1, recordingId);
                    s.setLong(2, fromSegment);
                }, row -> new StoredPart(row.getLong("segment"), row.getInt("part"), row.getInt("period"),
                        row.getLong("duration_micros"), row.getLong("size_bytes"), row.getBoolean("independent")));
    }

    public Optional<StoredPart> part(String recordingId, long segment, int part) {
        return jdbc.one("select segment, part, period, duration_micros, size_bytes, independent from recording_part"
                + " where recording_id = ? and segment = ? and part = ?", s -> {
                    s.setString(1, recordingId);
                    s.setLong(2, segment);
                    s.setInt(3, part);
                }, row -> new StoredPart(row.getLong("segment"), row.getInt("part"), row.getInt("period"),
                        row.getLong("duration_micros"), row.getLong("size_bytes"), row.getBoolean("independent")));
    }

    /** The parts of segments before {@code beforeSegment}, which are dropped from the live edge. */
    public List<StoredPart> partsBefore(String recordingId, long beforeSegment) {
        return jdbc.query("select segment, part, period, duration_micros, size_bytes, independent from recording_part"
                + " where recording_id = ? and segment < ? order by segment, part", s -> {
                    s.setString(1, recordingId);
                    s.setLong(2, beforeSegment);
                }, row -> new StoredPart(row.getLong("segment"), row.getInt("part"), row.getInt("period"),
                        row.getLong("duration_micros"), row.getLong("size_bytes"), row.getBoolean("independent")));
    }

    public void deletePartsBefore(String recordingId, long beforeSegment) {
        jdbc.update("delete from recording_part where recording_id = ? and segment < ?", s -> {
            s.setString(1, recordingId);
            s.setLong(2, beforeSegment);
        });
    }

    /** Forgets a deleted recording's periods, segments and parts. */
    public void deleteAll(String recordingId) {
        for (String table : List.of("recording_part", "recording_segment", "recording_period")) {
            jdbc.update("delete from " + table + " where recording_id = ?", s -> s.setString(1, recordingId));
        }
    }

    private static StoredSegment segment(ResultSet row) throws SQLException {
        return new StoredSegment(row.getLong("segment"), row.getInt("period"), row.getLong("duration_micros"),
                row.getLong("size_bytes"), row.getBoolean("independent"));
    }

    private static TrackConfiguration track(Period period, TrackKind kind) {
        return period.tracks().stream().filter(track -> track.kind() == kind).findFirst().orElse(null);
    }

}
