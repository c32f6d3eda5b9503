package io.sluice.events.json;

import io.sluice.events.EventFormatException;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;

/** The data of {@code session.started}, {@code session.ended} and {@code session.stats}. */
final class SessionJson {

    private SessionJson() {
    }

    static DataWriter write(SessionStarted s) {
        return new DataWriter()
                .string("stream_id", s.streamId())
                .optional("tenant", s.tenant())
                .string("session_id", s.sessionId())
                .optional("ingest_instance", s.ingestInstance())
                .optional("client_address", s.clientAddress())
                .optional("protocol", s.protocol())
                .optional("tls_version", s.tlsVersion())
                .optional("encoder", s.encoder())
                .time("started_at", s.startedAt());
    }

    static SessionStarted readStarted(DataReader data) {
        return new SessionStarted(data.string("stream_id"), data.optionalString("tenant"), data.string("session_id"),
                data.optionalString("ingest_instance"), data.optionalString("client_address"), data.optionalString("protocol"),
                data.optionalString("tls_version"), data.optionalString("encoder"), data.instant("started_at"));
    }

    static DataWriter write(SessionEnded s) {
        return new DataWriter()
                .string("stream_id", s.streamId())
                .optional("tenant", s.tenant())
                .string("session_id", s.sessionId())
                .string("reason", s.reason().wireName())
                .optional("detail", s.detail())
                .optional("client_address", s.clientAddress())
                .time("started_at", s.startedAt())
                .time("ended_at", s.endedAt())
                .number("bytes_in", s.bytesIn())
                .number("video_frames", s.videoFrames())
                .number("audio_frames", s.audioFrames())
                .optional("video_codec", s.videoCodec())
                .optional("audio_codec", s.audioCodec());
    }

    static SessionEnded readEnded(DataReader data) {
        String reason = data.string("reason");
        return new SessionEnded(data.string("stream_id"), data.optionalString("tenant"), data.string("session_id"),
                EndReason.fromWireName(reason).orElseThrow(() -> new EventFormatException("unknown end reason " + reason)),
                data.optionalString("detail"), data.optionalString("client_address"), data.optionalInstant("started_at"),
                data.instant("ended_at"), data.optionalNumber("bytes_in"), data.optionalNumber("video_frames"),
                data.optionalNumber("audio_frames"), data.optionalString("video_codec"), data.optionalString("audio_codec"));
    }

    static DataWriter write(SessionStats s) {
        return new DataWriter()
                .string("stream_id", s.streamId())
                .optional("tenant", s.tenant())
                .string("session_id", s.sessionId())
                .time("at", s.at())
                .number("window_ms", s.windowMillis())
                .number("bitrate_kbps", s.bitrateKbps())
                .decimal("video_frame_rate", s.videoFrameRate())
                .number("keyframe_interval_ms", s.keyframeIntervalMillis())
                .optional("video_codec", s.videoCodec())
                .number("width", s.width())
                .number("height", s.height())
                .optional("audio_codec", s.audioCodec())
                .number("audio_sample_rate", s.audioSampleRate())
                .number("audio_channels", s.audioChannels())
                .number("bytes_in", s.bytesIn());
    }

    static SessionStats readStats(DataReader data) {
        return new SessionStats(data.string("stream_id"), data.optionalString("tenant"), data.string("session_id"),
                data.instant("at"), data.optionalNumber("window_ms"), data.optionalNumber("bitrate_kbps"),
                data.optionalDecimal("video_frame_rate"), data.optionalNumber("keyframe_interval_ms"),
                data.optionalString("video_codec"), data.optionalInteger("width"), data.optionalInteger("height"),
                data.optionalString("audio_codec"), data.optionalInteger("audio_sample_rate"),
                data.optionalInteger("audio_channels"), data.optionalNumber("bytes_in"));
    }
}
