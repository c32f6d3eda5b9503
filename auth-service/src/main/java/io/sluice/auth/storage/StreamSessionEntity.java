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

    /** Column sizes, in characters: texts from events are cleaned and cut to them before they are stored. */
    public static final int STREAM_ID_MAX_LENGTH = LiveStreamEntity.ID_MAX_LENGTH;
    public static final int SESSION_ID_MAX_LENGTH = 64;
    public static final int INGEST_INSTANCE_MAX_LENGTH = 128;
    /** An IPv6 address with a zone, in brackets, and a port fits. */
    public static final int CLIENT_ADDRESS_MAX_LENGTH = 96;
    public static final int PROTOCOL_MAX_LENGTH = 16;
    public static final int TLS_VERSION_MAX_LENGTH = 32;
    public static final int ENCODER_MAX_LENGTH = 255;
    public static final int END_REASON_MAX_LENGTH = 32;
    public static final int END_DETAIL_MAX_LENGTH = 1024;
    public static final int CODEC_MAX_LENGTH = 32;

    @Id
    @Column(name = "stream_id", length = STREAM_ID_MAX_LENGTH)
    public String streamId;

    @Id
    @Column(name = "session_id", length = SESSION_ID_MAX_LENGTH)
    public String sessionId;

    @Column(name = "ingest_instance", length = INGEST_INSTANCE_MAX_LENGTH)
    public String ingestInstance;

    @Column(name = "client_address", length = CLIENT_ADDRESS_MAX_LENGTH)
    public String clientAddress;

    @Column(length = PROTOCOL_MAX_LENGTH)
    public String protocol;

    @Column(name = "tls_version", length = TLS_VERSION_MAX_LENGTH)
    public String tlsVersion;

    @Column(length = ENCODER_MAX_LENGTH)
    public String encoder;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason", length = END_REASON_MAX_LENGTH)
    public String endReason;

    @Column(name = "end_detail", length = END_DETAIL_MAX_LENGTH)
    public String endDetail;

    @Column(name = "bytes_in")
    public long bytesIn;

    @Column(name = "video_frames")
    public long videoFrames;

    @Column(name = "audio_frames")
    public long audioFrames;

    @Column(name = "video_codec", length = CODEC_MAX_LENGTH)
    public String videoCodec;

    @Column(name = "audio_codec", length = CODEC_MAX_LENGTH)
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

    /**
     * Given by the database when the session's first event is stored, never changed: the history's order,
     * which events arriving late cannot upset.
     */
    @Column(insertable = false, updatable = false)
    public long seq;

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
