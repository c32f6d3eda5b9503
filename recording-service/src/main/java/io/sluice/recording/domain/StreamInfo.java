package io.sluice.recording.domain;

/**
 * What the key registry says of a stream that recording needs.
 *
 * @param recording whether its recordings are kept after they end (live playback works either way)
 * @param reconnectWindowSeconds an encoder back within this many seconds continues the same recording
 */
public record StreamInfo(String streamId, String tenant, String playbackId, boolean recording,
        int reconnectWindowSeconds) {
}
