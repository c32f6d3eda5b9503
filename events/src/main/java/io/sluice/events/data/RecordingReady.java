package io.sluice.events.data;

import io.sluice.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recording is complete and plays on demand: its last session ended and the stream's reconnect window
 * passed without a new one.
 *
 * @param durationMillis the media's duration
 * @param sizeBytes what the recording's segments take in storage
 * @param segmentCount the media segments of the on-demand playlist
 * @param playbackUrl the on-demand HLS playlist of the recording
 * @param mp4Url the recording as one MP4 file
 * @param sessionIds the sessions joined into the recording, oldest first
 */
public record RecordingReady(String recordingId, String streamId, String tenant, long durationMillis, long sizeBytes,
        List<RecordingTrack> tracks, int segmentCount, String playbackUrl, String mp4Url, List<String> sessionIds,
        Instant startedAt, Instant endedAt) implements RecordingData {

    public RecordingReady {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(playbackUrl, "playbackUrl");
        Objects.requireNonNull(mp4Url, "mp4Url");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        tracks = List.copyOf(tracks);
        sessionIds = List.copyOf(sessionIds);
        if (durationMillis < 0 || sizeBytes < 0 || segmentCount < 0) {
            throw new IllegalArgumentException("duration, size and segment count are not negative");
        }
    }

    @Override
    public EventType type() {
        return EventType.RECORDING_READY;
    }
}
