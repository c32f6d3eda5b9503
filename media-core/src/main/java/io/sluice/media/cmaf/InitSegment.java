package io.sluice.media.cmaf;

import java.util.List;

/**
 * Writes a CMAF header (init segment): {@code ftyp} and a {@code moov} with one track per configuration, empty
 * sample tables and a {@code mvex}, so that every sample comes in fragments. HLS names it in {@code EXT-X-MAP}.
 */
public final class InitSegment {

    /** Movie timescale: durations in mvhd and tkhd are in milliseconds. */
    static final int MOVIE_TIMESCALE = 1000;
    static final int[] UNITY_MATRIX = {0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000};
    private static final int LANGUAGE_UND = 0x55C4;
    private static final int MAX_BYTES = 4 << 20;

    private InitSegment() {
    }

    /** The init segment of {@code tracks}, video before audio. */
    public static byte[] write(List<TrackConfiguration> tracks) {
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("an init segment has at least one track");
        }
        var out = new BoxWriter(1024, MAX_BYTES);
        out.open("ftyp").fourCc("iso6").u32(0).fourCc("iso6").fourCc("cmfc").fourCc("mp41").close();
        out.open("moov");
        movieHeader(out, 0, nextTrackId(tracks));
        for (TrackConfiguration track : tracks) {
            out.open("trak");
            trackHeader(out, track, 0);
            out.open("mdia");
            mediaHeader(out, track, 0);
            mediaInformationStart(out, track);
            out.open("stbl");
            out.openFull("stsd", 0, 0).u32(1).bytes(track.sampleEntry().toByteArray()).close();
            out.openFull("stts", 0, 0).u32(0).close();
            out.openFull("stsc", 0, 0).u32(0).close();
            out.openFull("stsz", 0, 0).u32(0).u32(0).close();
            out.openFull("stco", 0, 0).u32(0).close();
            out.close().close().close().close();
        }
        out.open("mvex");
        for (TrackConfiguration track : tracks) {
            out.openFull("trex", 0, 0).u32(track.kind().trackId()).u32(1).u32(0).u32(0).u32(0).close();
        }
        out.close();
        out.close();
        return out.toByteArray();
    }

    static int nextTrackId(List<TrackConfiguration> tracks) {
        int max = 0;
        for (TrackConfiguration track : tracks) {
            max = Math.max(max, track.kind().trackId());
        }
        return max + 1;
    }

    /** {@code mvhd}, version 1 so that a long recording's duration fits. */
    static void movieHeader(BoxWriter out, long durationMillis, int nextTrackId) {
        out.openFull("mvhd", 1, 0).u64(0).u64(0).u32(MOVIE_TIMESCALE).u64(durationMillis)
                .u32(0x0001_0000).u16(0x0100).zeros(10);
        matrix(out);
        out.zeros(24).u32(nextTrackId).close();
    }

    /** {@code tkhd}: enabled and in the movie. */
    static void trackHeader(BoxWriter out, TrackConfiguration track, long durationMillis) {
        out.openFull("tkhd", 1, 0x3).u64(0).u64(0).u32(track.kind().trackId()).u32(0).u64(durationMillis)
                .zeros(8).u16(0).u16(0).u16(track.kind() == TrackKind.AUDIO ? 0x0100 : 0).u16(0);
        matrix(out);
        out.u32((long) track.width() << 16).u32((long) track.height() << 16).close();
    }

    /** {@code mdhd} and {@code hdlr}. */
    static void mediaHeader(BoxWriter out, TrackConfiguration track, long duration) {
        out.openFull("mdhd", 1, 0).u64(0).u64(0).u32(track.timescale()).u64(duration).u16(LANGUAGE_UND).u16(0).close();
        byte[] name = (track.kind().handlerName() + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.openFull("hdlr", 0, 0).u32(0).fourCc(track.kind().handlerType()).zeros(12).bytes(name).close();
    }

    /** Opens {@code minf} and writes its media header and data information; the caller adds {@code stbl}. */
    static void mediaInformationStart(BoxWriter out, TrackConfiguration track) {
        out.open("minf");
        if (track.kind() == TrackKind.VIDEO) {
            out.openFull("vmhd", 0, 1).u16(0).zeros(6).close();
        } else {
            out.openFull("smhd", 0, 0).u16(0).u16(0).close();
        }
        out.open("dinf").openFull("dref", 0, 0).u32(1).openFull("url ", 0, 1).close().close().close();
    }

    private static void matrix(BoxWriter out) {
        for (int value : UNITY_MATRIX) {
            out.u32(value & 0xFFFF_FFFFL);
        }
    }
}
