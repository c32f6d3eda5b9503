package io.sluice.events.data;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One track of a recording.
 *
 * @param codec the codec as an HLS {@code CODECS} attribute names it (RFC 6381): {@code avc1.64001f},
 *              {@code hvc1.1.6.L93.B0}, {@code av01.0.04M.08}, {@code mp4a.40.2}, {@code Opus}
 * @param width in pixels, for video; 0 for audio
 * @param height in pixels, for video; 0 for audio
 */
public record RecordingTrack(Kind kind, String codec, int width, int height) {

    public enum Kind {
        VIDEO,
        AUDIO;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromWireName(String name) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public RecordingTrack {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codec, "codec");
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a track's size is not negative: " + width + "x" + height);
        }
    }

    public static RecordingTrack video(String codec, int width, int height) {
        return new RecordingTrack(Kind.VIDEO, codec, width, height);
    }

    public static RecordingTrack audio(String codec) {
        return new RecordingTrack(Kind.AUDIO, codec, 0, 0);
    }
}
