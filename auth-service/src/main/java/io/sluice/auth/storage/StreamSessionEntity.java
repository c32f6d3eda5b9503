package io.sluice.auth.storage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One encoder session of a stream, assembled from {@code session.started}, {@code session.stats} and
 * {@code session.ended}. Written only by {@link StreamSessionRepository}'s upserts, read through JPA.
 */
@Entity
@Table(name = "stream_session")
@IdClass(StreamSessionEntity.Key.class)
public class StreamSessionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "stream_id")
    public String streamId;

    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "ingest_instance")
    public String ingestInstance;

    @Column(name = "client_address")
    public String clientAddress;

    public String protocol;

    @Column(name = "tls_version")
    public String tlsVersion;

    public String encoder;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "end_detail")
    public String endDetail;

    @Column(name = "bytes_in")
    public long bytesIn;

    @Column(name = "video_frames")
    public long videoFrames;

    @Column(name = "audio_frames")
    public long audioFrames;

    @Column(name = "video_codec")
    public String videoCodec;

    @Column(name = "audio_codec")
    public String audioCodec;

    @Column(name = "stats_at")
    public Instant statsAt;

    @Column(name = "bitrate_kbps")
    public Long bitrateKbps;

    @Column(name = "video_frame_rate")
    public Double videoFrameRate;

    @Column(name = "keyframe_interval_ms")
    public Long keyframeIntervalMillis;

    public Integer width;

    public Integer height;

    @Column(name = "audio_sample_rate")
    public Integer audioSampleRate;

    @Column(name = "audio_channels")
    public Integer audioChannels;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    /** {@code started_at}, or {@code first_seen_at} while the start is unknown; computed by the database. */
    @Column(name = "listed_at", insertable = false, updatable = false)
    public Instant listedAt;

    public boolean live() {
        return endedAt == null;
    }

    /** The composite primary key: a session id is only unique within its stream. */
    public static class Key implements Serializable {

        public String streamId;
        public String sessionId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(streamId, key.streamId) && Objects.equals(sessionId, key.sessionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(streamId, sessionId);
        }
    }
}
