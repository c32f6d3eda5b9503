package io.sluice.media.cmaf;

import io.sluice.media.error.LimitExceededException;
import java.util.List;

/**
 * Writes one CMAF fragment: a {@code moof} with a {@code traf} per track run (decode time in {@code tfdt}, every
 * sample's duration, size, flags and composition offset in a version 1 {@code trun}) and the {@code mdat} that
 * holds the runs' data one after the other. Offsets are relative to the {@code moof}
 * ({@code default-base-is-moof}), so a fragment reads the same wherever it is stored.
 */
public final class FragmentWriter {

    /** tfhd: default-base-is-moof. */
    static final int TFHD_DEFAULT_BASE_IS_MOOF = 0x02_0000;
    static final int TRUN_DATA_OFFSET = 0x001;
    static final int TRUN_SAMPLE_DURATION = 0x100;
    static final int TRUN_SAMPLE_SIZE = 0x200;
    static final int TRUN_SAMPLE_FLAGS = 0x400;
    static final int TRUN_COMPOSITION_OFFSET = 0x800;
    /** sample_depends_on = 2 (depends on no other sample). */
    static final int FLAGS_SYNC = 0x0200_0000;
    /** sample_depends_on = 1, sample_is_non_sync_sample = 1. */
    static final int FLAGS_NON_SYNC = 0x0101_0000;
    private static final int MDAT_HEADER = 8;

    private FragmentWriter() {
    }

    /**
     * The fragment of {@code runs}, at most {@code maxBytes} long.
     *
     * @param sequenceNumber {@code mfhd} sequence number: grows by one with each fragment of a track
     */
    public static byte[] write(long sequenceNumber, List<TrackRun> runs, int maxBytes) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a fragment has at least one track run");
        }
        long data = 0;
        int samples = 0;
        for (TrackRun run : runs) {
            data += run.dataLength();
            samples += run.samples().size();
        }
        long moofSize = 8 + 16 + runs.size() * (8 + 16 + 20 + 20L) + samples * 16L;
        LimitExceededException.check("max_fragment_bytes", maxBytes, moofSize + MDAT_HEADER + data);
        var out = new BoxWriter((int) (moofSize + MDAT_HEADER + data), maxBytes);
        out.open("moof");
        out.openFull("mfhd", 0, 0).u32(sequenceNumber).close();
        int[] dataOffsetPositions = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            TrackRun run = runs.get(i);
            boolean video = run.kind() == TrackKind.VIDEO;
            out.open("traf");
            out.openFull("tfhd", 0, TFHD_DEFAULT_BASE_IS_MOOF).u32(run.kind().trackId()).close();
            out.openFull("tfdt", 1, 0).u64(run.baseDecodeTime()).close();
            int flags = TRUN_DATA_OFFSET | TRUN_SAMPLE_DURATION | TRUN_SAMPLE_SIZE | TRUN_SAMPLE_FLAGS
                    | (video ? TRUN_COMPOSITION_OFFSET : 0);
            out.openFull("trun", 1, flags).u32(run.samples().size());
            dataOffsetPositions[i] = out.length();
            out.u32(0);
            for (CmafSample sample : run.samples()) {
                out.u32(sample.duration()).u32(sample.length()).u32(sample.sync() ? FLAGS_SYNC : FLAGS_NON_SYNC);
                if (video) {
                    out.u32(sample.compositionOffset() & 0xFFFF_FFFFL);
                }
            }
            out.close();
            out.close();
        }
        out.close();
        int moofLength = out.length();
        long offset = moofLength + MDAT_HEADER;
        for (int i = 0; i < runs.size(); i++) {
            out.putU32(dataOffsetPositions[i], offset);
            offset += runs.get(i).dataLength();
        }
        out.open("mdat");
        for (TrackRun run : runs) {
            for (CmafSample sample : run.samples()) {
                out.bytes(sample.data(), sample.offset(), sample.length());
            }
        }
        out.close();
        return out.toByteArray();
    }
}
