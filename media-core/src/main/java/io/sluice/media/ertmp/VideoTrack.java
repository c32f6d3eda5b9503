package io.sluice.media.ertmp;

/** One track of a multitrack video tag: its id (0 is the default track) and its packet. */
public record VideoTrack(int trackId, VideoPacket packet) {

    public VideoTrack {
        Fields.unsigned("trackId", trackId, 8);
    }
}
