package io.sluice.events.json;

import io.sluice.events.EventFormatException;
import io.sluice.events.data.StreamKeyEntry;
import java.util.Locale;

/** The data of {@code streamkey.updated}, the registry's entry of one stream. */
final class StreamKeyJson {

    private StreamKeyJson() {
    }

    static DataWriter write(StreamKeyEntry e) {
        return new DataWriter()
                .string("stream_id", e.streamId())
                .string("tenant", e.tenant())
                .string("key_hash", e.keyHash())
                .string("status", e.status().name().toLowerCase(Locale.ROOT))
                .object("limits", new DataWriter()
                        .number("max_bitrate_kbps", e.maxBitrateKbps())
                        .number("max_continuous_duration_seconds", e.maxContinuousDurationSeconds())
                        .number("reconnect_window_seconds", e.reconnectWindowSeconds()))
                .bool("recording", e.recording())
                .optional("playback_id", e.playbackId())
                .number("version", e.version())
                .time("updated_at", e.updatedAt());
    }

    /** An entry written before {@code playback_id} was added reads with none. */
    static StreamKeyEntry read(DataReader data) {
        DataReader limits = data.object("limits");
        return new StreamKeyEntry(data.string("stream_id"), data.string("tenant"), data.string("key_hash"),
                status(data.string("status")), limits.optionalNumber("max_bitrate_kbps"),
                limits.number("max_continuous_duration_seconds"), limits.number("reconnect_window_seconds"),
                data.bool("recording"), data.optionalString("playback_id"), data.number("version"),
                data.instant("updated_at"));
    }

    private static StreamKeyEntry.Status status(String value) {
        return switch (value) {
            case "enabled" -> StreamKeyEntry.Status.ENABLED;
            case "disabled" -> StreamKeyEntry.Status.DISABLED;
            default -> throw new EventFormatException("unknown stream key status " + value);
        };
    }
}
