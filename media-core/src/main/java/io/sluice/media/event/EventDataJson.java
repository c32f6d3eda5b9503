package io.sluice.media.event;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.event.data.EndReason;
import io.sluice.media.event.data.EventData;
import io.sluice.media.event.data.SessionEnded;
import io.sluice.media.event.data.SessionStarted;
import io.sluice.media.event.data.SessionStats;
import io.sluice.media.event.data.StreamKeyEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/** The one place where event data records meet their JSON (snake_case field names). */
final class EventDataJson {

    private EventDataJson() {
    }

    static void write(EventData data, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("stream_id", data.streamId());
        switch (data) {
            case SessionStarted s -> {
                writeOptional(json, "tenant", s.tenant());
                json.writeStringField("session_id", s.sessionId());
                writeOptional(json, "ingest_instance", s.ingestInstance());
                writeOptional(json, "client_address", s.clientAddress());
                writeOptional(json, "protocol", s.protocol());
                writeOptional(json, "tls_version", s.tlsVersion());
                writeOptional(json, "encoder", s.encoder());
                writeTime(json, "started_at", s.startedAt());
            }
            case SessionEnded s -> {
                writeOptional(json, "tenant", s.tenant());
                json.writeStringField("session_id", s.sessionId());
                json.writeStringField("reason", s.reason().wireName());
                writeOptional(json, "detail", s.detail());
                writeOptional(json, "client_address", s.clientAddress());
                writeTime(json, "started_at", s.startedAt());
                writeTime(json, "ended_at", s.endedAt());
                json.writeNumberField("bytes_in", s.bytesIn());
                json.writeNumberField("video_frames", s.videoFrames());
                json.writeNumberField("audio_frames", s.audioFrames());
                writeOptional(json, "video_codec", s.videoCodec());
                writeOptional(json, "audio_codec", s.audioCodec());
            }
            case SessionStats s -> {
                writeOptional(json, "tenant", s.tenant());
                json.writeStringField("session_id", s.sessionId());
                writeTime(json, "at", s.at());
                json.writeNumberField("window_ms", s.windowMillis());
                json.writeNumberField("bitrate_kbps", s.bitrateKbps());
                json.writeNumberField("video_frame_rate", s.videoFrameRate());
                json.writeNumberField("keyframe_interval_ms", s.keyframeIntervalMillis());
                writeOptional(json, "video_codec", s.videoCodec());
                json.writeNumberField("width", s.width());
                json.writeNumberField("height", s.height());
                writeOptional(json, "audio_codec", s.audioCodec());
                json.writeNumberField("audio_sample_rate", s.audioSampleRate());
                json.writeNumberField("audio_channels", s.audioChannels());
                json.writeNumberField("bytes_in", s.bytesIn());
            }
            case StreamKeyEntry e -> {
                json.writeStringField("tenant", e.tenant());
                json.writeStringField("key_hash", e.keyHash());
                json.writeStringField("status", e.status().name().toLowerCase(Locale.ROOT));
                json.writeObjectFieldStart("limits");
                json.writeNumberField("max_bitrate_kbps", e.maxBitrateKbps());
                json.writeNumberField("max_continuous_duration_seconds", e.maxContinuousDurationSeconds());
                json.writeNumberField("reconnect_window_seconds", e.reconnectWindowSeconds());
                json.writeEndObject();
                json.writeBooleanField("recording", e.recording());
                json.writeNumberField("version", e.version());
                writeTime(json, "updated_at", e.updatedAt());
            }
        }
        json.writeEndObject();
    }

    static EventData read(EventType type, JsonObject data) {
        String streamId = data.string("stream_id");
        return switch (type) {
            case SESSION_STARTED -> new SessionStarted(streamId, data.optionalString("tenant"), data.string("session_id"),
                    data.optionalString("ingest_instance"), data.optionalString("client_address"),
                    data.optionalString("protocol"), data.optionalString("tls_version"), data.optionalString("encoder"),
                    data.instant("started_at"));
            case SESSION_ENDED -> new SessionEnded(streamId, data.optionalString("tenant"), data.string("session_id"),
                    EndReason.fromWireName(data.string("reason"))
                            .orElseThrow(() -> new MediaFormatException("unknown end reason " + data.string("reason"))),
                    data.optionalString("detail"), data.optionalString("client_address"),
                    data.optionalInstant("started_at"), data.instant("ended_at"), data.optionalNumber("bytes_in"),
                    data.optionalNumber("video_frames"), data.optionalNumber("audio_frames"),
                    data.optionalString("video_codec"), data.optionalString("audio_codec"));
            case SESSION_STATS -> new SessionStats(streamId, data.optionalString("tenant"), data.string("session_id"),
                    data.instant("at"), data.optionalNumber("window_ms"), data.optionalNumber("bitrate_kbps"),
                    data.decimal("video_frame_rate"), data.optionalNumber("keyframe_interval_ms"),
                    data.optionalString("video_codec"), (int) data.optionalNumber("width"), (int) data.optionalNumber("height"),
                    data.optionalString("audio_codec"), (int) data.optionalNumber("audio_sample_rate"),
                    (int) data.optionalNumber("audio_channels"), data.optionalNumber("bytes_in"));
            case STREAM_KEY_UPDATED -> {
                JsonObject limits = data.object("limits");
                yield new StreamKeyEntry(streamId, data.string("tenant"), data.string("key_hash"),
                        status(data.string("status")), limits.optionalNumber("max_bitrate_kbps"),
                        limits.number("max_continuous_duration_seconds"), limits.number("reconnect_window_seconds"),
                        data.bool("recording"), data.number("version"), data.instant("updated_at"));
            }
            case MEDIA_METADATA, MEDIA_VIDEO, MEDIA_AUDIO, MEDIA_DATA ->
                    throw new MediaFormatException(type.typeName() + " travels in binary mode, not as JSON");
        };
    }

    private static StreamKeyEntry.Status status(String value) {
        return switch (value) {
            case "enabled" -> StreamKeyEntry.Status.ENABLED;
            case "disabled" -> StreamKeyEntry.Status.DISABLED;
            default -> throw new MediaFormatException("unknown stream key status " + value);
        };
    }

    private static void writeOptional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void writeTime(JsonGenerator json, String name, Instant value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value.toString());
        }
    }
}
