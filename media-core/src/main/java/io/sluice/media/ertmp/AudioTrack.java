package io.sluice.media.ertmp;

/** One track of a multitrack audio tag: its id (0 is the default track) and its packet. */
public record AudioTrack(int trackId, AudioPacket packet) {

    public AudioTrack {
        Fields.unsigned("trackId", trackId, 8);
    }
}
