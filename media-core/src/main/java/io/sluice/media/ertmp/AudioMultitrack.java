package io.sluice.media.ertmp;

import java.util.List;

/**
 * A multitrack audio tag body (packet type Multitrack): every track has the same packet type; OneTrack and
 * ManyTracks also share one FourCC, ManyTracksManyCodecs gives each track its own.
 */
public record AudioMultitrack(AvMultitrackType multitrackType, List<AudioTrack> tracks) implements ExAudioContent {

    public AudioMultitrack {
        tracks = List.copyOf(tracks);
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("a multitrack tag has at least one track");
        }
        if (multitrackType == AvMultitrackType.ONE_TRACK && tracks.size() != 1) {
            throw new IllegalArgumentException("OneTrack holds exactly one track");
        }
        AudioPacket first = tracks.get(0).packet();
        for (AudioTrack track : tracks) {
            if (track.packet().packetType() != first.packetType()) {
                throw new IllegalArgumentException("all tracks share one packet type");
            }
            if (multitrackType != AvMultitrackType.MANY_TRACKS_MANY_CODECS
                    && track.packet().fourCc() != first.fourCc()) {
                throw new IllegalArgumentException(multitrackType + " tracks share one FourCC");
            }
        }
    }

    /** The packet type shared by all tracks. */
    public AudioPacketType packetType() {
        return tracks.get(0).packet().packetType();
    }
}
