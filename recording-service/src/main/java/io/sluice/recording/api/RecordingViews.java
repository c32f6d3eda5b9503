package io.sluice.recording.api;

import io.sluice.recording.domain.Period;
import io.sluice.recording.domain.Recording;
import io.sluice.recording.domain.RecordingDetails;
import io.sluice.recording.domain.RecordingSettings;
import io.sluice.recording.domain.RecordingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The one place a stored recording becomes what the API shows. */
@ApplicationScoped
public class RecordingViews {

    private static final Set<String> VIDEO_CODECS = Set.of("avc1", "hvc1", "av01");

    private final RecordingSettings settings;

    RecordingViews(RecordingSettings settings) {
        this.settings = settings;
    }

    public RecordingView of(RecordingDetails details) {
        Recording recording = details.recording();
        boolean playable = recording.status() == RecordingStatus.RECORDING || recording.status() == RecordingStatus.READY;
        return new RecordingView(recording.id(), recording.streamId(), recording.tenant(), recording.status().wireName(),
                playable ? settings.playbackUrl(recording) : null,
                recording.status() == RecordingStatus.READY ? settings.mp4Url(recording) : null,
                recording.startedAt(), recording.endedAt(), recording.readyAt(), recording.deletedAt(),
                recording.expiresAt(), recording.durationMicros() / 1_000_000.0, recording.sizeBytes(),
                recording.segmentCount(), recording.failureReason(), tracks(details.periods()),
                details.sessions().stream().map(s -> new RecordingView.SessionView(s.sessionId(), s.startedAt(),
                        s.endedAt(), s.endReason())).toList());
    }

    /** Every distinct track of the recording's periods, video first. */
    private static List<RecordingView.TrackView> tracks(List<Period> periods) {
        Set<RecordingView.TrackView> tracks = new LinkedHashSet<>();
        for (Period period : periods) {
            for (String codecs : period.codecs().split(",")) {
                boolean video = VIDEO_CODECS.contains(codecs.substring(0, Math.min(4, codecs.length())));
                tracks.add(video
                        ? new RecordingView.TrackView("video", codecs, period.width(), period.height(), 0, 0)
                        : new RecordingView.TrackView("audio", codecs, 0, 0, period.sampleRate(), period.channels()));
            }
        }
        return List.copyOf(tracks);
    }
}
