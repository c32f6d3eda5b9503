package io.sluice.auth.storage;

import static io.sluice.auth.storage.StoredText.clean;
import static io.sluice.auth.storage.StreamSessionEntity.CLIENT_ADDRESS_MAX_LENGTH;
import static io.sluice.auth.storage.StreamSessionEntity.CODEC_MAX_LENGTH;
import static io.sluice.auth.storage.StreamSessionEntity.ENCODER_MAX_LENGTH;
import static io.sluice.auth.storage.StreamSessionEntity.END_DETAIL_MAX_LENGTH;
import static io.sluice.auth.storage.StreamSessionEntity.END_REASON_MAX_LENGTH;
import static io.sluice.auth.storage.StreamSessionEntity.INGEST_INSTANCE_MAX_LENGTH;
import static io.sluice.auth.storage.StreamSessionEntity.PROTOCOL_MAX_LENGTH;
import static io.sluice.auth.storage.StreamSessionEntity.SESSION_ID_MAX_LENGTH;
import static io.sluice.auth.storage.StreamSessionEntity.STREAM_ID_MAX_LENGTH;
import static io.sluice.auth.storage.StreamSessionEntity.TLS_VERSION_MAX_LENGTH;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Session history, written from session events. Every write is one upsert that merges what the event
 * knows into what is stored, so applying an event twice, or events of a session in any order, ends in the
 * same row. Events of streams this service does not know (deleted ones) change nothing. Texts are
 * cleaned and cut to their columns ({@link StoredText#clean}); an identifier that cannot be stored as it is makes
 * the event {@linkplain UnstorableEventException unstorable}.
 */
@ApplicationScoped
public class StreamSessionRepository implements PanacheRepositoryBase<StreamSessionEntity, StreamSessionEntity.Key> {

    private static final String KNOWN_STREAM = " where exists (select 1 from live_stream where id = cast(:stream_id as varchar))";

    /** @return whether a row was written: false for an unknown stream */
    public boolean applyStarted(SessionStarted event) {
        requireStorableIds(event.streamId(), event.sessionId());
        return getEntityManager().createNativeQuery("""
                insert into stream_session (stream_id, session_id, ingest_instance, client_address, protocol, tls_version,
                        encoder, started_at)
                select cast(:stream_id as varchar), cast(:session_id as varchar), cast(:ingest_instance as varchar), cast(:client_address as varchar), cast(:protocol as varchar), cast(:tls_version as varchar), cast(:encoder as varchar),
                        cast(:started_at as timestamptz)""" + KNOWN_STREAM + """
                 on conflict (stream_id, session_id) do update set
                    ingest_instance = coalesce(excluded.ingest_instance, stream_session.ingest_instance),
                    client_address = coalesce(excluded.client_address, stream_session.client_address),
                    protocol = coalesce(excluded.protocol, stream_session.protocol),
                    tls_version = coalesce(excluded.tls_version, stream_session.tls_version),
                    encoder = coalesce(excluded.encoder, stream_session.encoder),
                    started_at = excluded.started_at
                """)
                .setParameter("stream_id", event.streamId())
                .setParameter("session_id", event.sessionId())
                .setParameter("ingest_instance", clean(event.ingestInstance(), INGEST_INSTANCE_MAX_LENGTH))
                .setParameter("client_address", clean(event.clientAddress(), CLIENT_ADDRESS_MAX_LENGTH))
                .setParameter("protocol", clean(event.protocol(), PROTOCOL_MAX_LENGTH))
                .setParameter("tls_version", clean(event.tlsVersion(), TLS_VERSION_MAX_LENGTH))
                .setParameter("encoder", clean(event.encoder(), ENCODER_MAX_LENGTH))
                .setParameter("started_at", event.startedAt())
                .executeUpdate() > 0;
    }

    /**
     * Stats only ever replace older stats; a late window does not overwrite a newer one. Ingest sends 0 for
     * what a stream does not have (no audio, say): it is stored as unknown.
     */
    public boolean applyStats(SessionStats event) {
        requireStorableIds(event.streamId(), event.sessionId());
        return getEntityManager().createNativeQuery("""
                insert into stream_session (stream_id, session_id, stats_at, bitrate_kbps, video_frame_rate,
                        keyframe_interval_ms, video_codec, width, height, audio_codec, audio_sample_rate, audio_channels,
                        bytes_in)
                select cast(:stream_id as varchar), cast(:session_id as varchar), cast(:at as timestamptz), cast(:bitrate_kbps as bigint), nullif(cast(:video_frame_rate as float8), 0), nullif(cast(:keyframe_interval_ms as bigint), 0),
                        cast(:video_codec as varchar), nullif(cast(:width as integer), 0), nullif(cast(:height as integer), 0), cast(:audio_codec as varchar), nullif(cast(:audio_sample_rate as integer), 0), nullif(cast(:audio_channels as integer), 0), cast(:bytes_in as bigint)""" + KNOWN_STREAM + """
                 on conflict (stream_id, session_id) do update set
                    stats_at = excluded.stats_at,
                    bitrate_kbps = excluded.bitrate_kbps,
                    video_frame_rate = excluded.video_frame_rate,
                    keyframe_interval_ms = excluded.keyframe_interval_ms,
                    video_codec = coalesce(excluded.video_codec, stream_session.video_codec),
                    width = excluded.width,
                    height = excluded.height,
                    audio_codec = coalesce(excluded.audio_codec, stream_session.audio_codec),
                    audio_sample_rate = excluded.audio_sample_rate,
                    audio_channels = excluded.audio_channels,
                    bytes_in = greatest(excluded.bytes_in, stream_session.bytes_in)
                    where stream_session.stats_at is null or stream_session.stats_at < excluded.stats_at
                """)
                .setParameter("stream_id", event.streamId())
                .setParameter("session_id", event.sessionId())
                .setParameter("at", event.at())
                .setParameter("bitrate_kbps", event.bitrateKbps())
                .setParameter("video_frame_rate", event.videoFrameRate())
                .setParameter("keyframe_interval_ms", event.keyframeIntervalMillis())
                .setParameter("video_codec", clean(event.videoCodec(), CODEC_MAX_LENGTH))
                .setParameter("width", event.width())
                .setParameter("height", event.height())
                .setParameter("audio_codec", clean(event.audioCodec(), CODEC_MAX_LENGTH))
                .setParameter("audio_sample_rate", event.audioSampleRate())
                .setParameter("audio_channels", event.audioChannels())
                .setParameter("bytes_in", event.bytesIn())
                .executeUpdate() > 0;
    }

    /** The first end reported wins: a peer's later guess ({@code ingest_lost}) does not replace it. */
    public boolean applyEnded(SessionEnded event) {
        requireStorableIds(event.streamId(), event.sessionId());
        return getEntityManager().createNativeQuery("""
                insert into stream_session (stream_id, session_id, client_address, started_at, ended_at, end_reason,
                        end_detail, bytes_in, video_frames, audio_frames, video_codec, audio_codec)
                select cast(:stream_id as varchar), cast(:session_id as varchar), cast(:client_address as varchar), cast(:started_at as timestamptz), cast(:ended_at as timestamptz), cast(:end_reason as varchar), cast(:end_detail as varchar),
                        cast(:bytes_in as bigint), cast(:video_frames as bigint), cast(:audio_frames as bigint), cast(:video_codec as varchar), cast(:audio_codec as varchar)""" + KNOWN_STREAM + """
                 on conflict (stream_id, session_id) do update set
                    client_address = coalesce(stream_session.client_address, excluded.client_address),
                    started_at = coalesce(stream_session.started_at, excluded.started_at),
                    ended_at = coalesce(stream_session.ended_at, excluded.ended_at),
                    end_reason = coalesce(stream_session.end_reason, excluded.end_reason),
                    end_detail = coalesce(stream_session.end_detail, excluded.end_detail),
                    bytes_in = greatest(excluded.bytes_in, stream_session.bytes_in),
                    video_frames = greatest(excluded.video_frames, stream_session.video_frames),
                    audio_frames = greatest(excluded.audio_frames, stream_session.audio_frames),
                    video_codec = coalesce(excluded.video_codec, stream_session.video_codec),
                    audio_codec = coalesce(excluded.audio_codec, stream_session.audio_codec)
                """)
                .setParameter("stream_id", event.streamId())
                .setParameter("session_id", event.sessionId())
                .setParameter("client_address", clean(event.clientAddress(), CLIENT_ADDRESS_MAX_LENGTH))
                .setParameter("started_at", event.startedAt())
                .setParameter("ended_at", event.endedAt())
                .setParameter("end_reason", clean(event.reason().wireName(), END_REASON_MAX_LENGTH))
                .setParameter("end_detail", clean(event.detail(), END_DETAIL_MAX_LENGTH))
                .setParameter("bytes_in", event.bytesIn())
                .setParameter("video_frames", event.videoFrames())
                .setParameter("audio_frames", event.audioFrames())
                .setParameter("video_codec", clean(event.videoCodec(), CODEC_MAX_LENGTH))
                .setParameter("audio_codec", clean(event.audioCodec(), CODEC_MAX_LENGTH))
                .executeUpdate() > 0;
    }

    /**
     * A page of a stream's history, newest first in the order the sessions became known.
     *
     * @param afterSessionId the last session of the previous page, {@code null} for the first page
     */
    public List<StreamSessionEntity> page(String streamId, String afterSessionId, int limit) {
        String query = "streamId = :stream" + (afterSessionId == null ? ""
                : " and seq < (select after.seq from StreamSessionEntity after where after.streamId = :stream"
                        + " and after.sessionId = :after)")
                + " order by seq desc";
        Parameters parameters = Parameters.with("stream", streamId);
        if (afterSessionId != null) {
            parameters = parameters.and("after", afterSessionId);
        }
        return find(query, parameters).page(0, limit).list();
    }

    private static void requireStorableIds(String streamId, String sessionId) {
        if (!StoredText.isStorableIdentifier(streamId, STREAM_ID_MAX_LENGTH)) {
            throw new UnstorableEventException("the stream id is empty, longer than " + STREAM_ID_MAX_LENGTH
                    + " characters or holds control characters");
        }
        if (!StoredText.isStorableIdentifier(sessionId, SESSION_ID_MAX_LENGTH)) {
            throw new UnstorableEventException("the session id is empty, longer than " + SESSION_ID_MAX_LENGTH
                    + " characters or holds control characters");
        }
    }
}
