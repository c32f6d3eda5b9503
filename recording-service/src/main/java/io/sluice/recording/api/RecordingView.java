package io.sluice.recording.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recording as the API shows it. */
@Schema(name = "Recording")
public record RecordingView(
        @Schema(example = "rec_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d") String id,
        @Schema(example = "ls_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d") String streamId,
        @Schema(example = "acme") String tenant,
        @Schema(enumeration = {"recording", "ready", "failed", "deleted"}) String status,
        @Schema(description = "This recording's HLS playlist: live while it records, complete once it is ready")
        URI playbackUrl,
        @Schema(description = "The progressive MP4, once it is ready") URI mp4Url,
        Instant startedAt,
        @Schema(description = "When its last session ended; null while one is live") Instant endedAt,
        Instant readyAt,
        Instant deletedAt,
        @Schema(description = "When retention deletes it") Instant expiresAt,
        @Schema(example = "1843.25") double durationSeconds,
        @Schema(example = "691218432") long sizeBytes,
        @Schema(example = "922") int segmentCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) String failureReason,
        List<TrackView> tracks,
        List<SessionView> sessions) {

    /** A track of the recording: what each of its periods held. */
    @Schema(name = "RecordingTrack")
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record TrackView(@Schema(enumeration = {"video", "audio"}) String type,
            @Schema(example = "avc1.64001f") String codecs, int width, int height, int sampleRate, int channels) {
    }

    /** One encoder session of the recording. */
    @Schema(name = "RecordingSession")
    public record SessionView(@Schema(example = "ss_l45Uy-NekGGhXjPq") String id, Instant startedAt, Instant endedAt,
            String endReason) {
    }
}
