package io.sluice.console.web;

import io.quarkus.qute.TemplateExtension;
import io.sluice.console.model.LiveStream;
import io.sluice.console.model.Recording;
import io.sluice.console.model.Session;
import io.sluice.console.model.SimulcastTarget;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write the APIs' values: words for statuses, units for figures, a dash for what is not known. */
@TemplateExtension
public final class Formats {

    static final String UNKNOWN = "–";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String statusText(LiveStream stream) {
        return switch (String.valueOf(stream.status())) {
            case "active" -> "Live";
            case "idle" -> "Idle";
            case "disabled" -> "Disabled";
            default -> String.valueOf(stream.status());
        };
    }

    @TemplateExtension(namespace = "fmt")
    static String time(Instant instant) {
        return instant == null ? UNKNOWN : TIME.format(instant);
    }

    static String bitrate(Session session) {
        return session.bitrateKbps() == null ? UNKNOWN : String.format(Locale.ROOT, "%,d kbit/s", session.bitrateKbps());
    }

    static String resolution(Session session) {
        return session.width() == null || session.height() == null ? UNKNOWN : session.width() + " × " + session.height();
    }

    static String frameRate(Session session) {
        return session.videoFrameRate() == null ? UNKNOWN : String.format(Locale.ROOT, "%.2f fps", session.videoFrameRate());
    }

    static String keyframeInterval(Session session) {
        return session.keyframeIntervalMs() == null ? UNKNOWN
                : String.format(Locale.ROOT, "%.1f s", session.keyframeIntervalMs() / 1000.0);
    }

    static String codecs(Session session) {
        String video = session.videoCodec() == null ? "no video" : session.videoCodec();
        String audio = session.audioCodec() == null ? "no audio" : session.audioCodec();
        String audioDetail = session.audioSampleRate() == null ? ""
                : " (" + session.audioSampleRate() + " Hz" + (session.audioChannels() == null ? "" : ", " + session.audioChannels() + " ch") + ")";
        return video + ", " + audio + audioDetail;
    }

    static String connection(Session session) {
        String protocol = session.protocol() == null ? UNKNOWN : session.protocol().toUpperCase(Locale.ROOT);
        return session.tlsVersion() == null ? protocol : protocol + " over " + session.tlsVersion();
    }

    @TemplateExtension(namespace = "fmt")
    static String text(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    static String duration(Recording recording) {
        if (recording.durationSeconds() == null) {
            return UNKNOWN;
        }
        long seconds = Math.round(recording.durationSeconds());
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String size(Recording recording) {
        return recording.sizeBytes() == null ? UNKNOWN : bytes(recording.sizeBytes());
    }

    static String sent(SimulcastTarget target) {
        return target.bytesOut() == null ? UNKNOWN : bytes(target.bytesOut());
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String statusText(SimulcastTarget target) {
        if (!target.on()) {
            return "Disabled";
        }
        String status = String.valueOf(target.status());
        return status.isEmpty() ? UNKNOWN : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }
}
