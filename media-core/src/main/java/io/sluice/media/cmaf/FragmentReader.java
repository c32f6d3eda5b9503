package io.sluice.media.cmaf;

import io.sluice.media.codec.ByteCursor;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fragments of a CMAF segment back: each {@code moof} with its track runs and every sample's timing,
 * flags, size and where its data lies. It reads what {@link FragmentWriter} writes and any fragment that uses
 * {@code default-base-is-moof} or explicit base data offsets. Every count and offset is checked against the
 * input and the limits; a sample whose data would lie outside its fragment's {@code mdat} is malformed.
 *
 * <p>A segment's <em>index</em> ({@link #index}) keeps only its {@code moof} boxes and the 8-byte headers of its
 * {@code mdat} boxes: enough to find every sample in the stored segment without reading its media, which is what
 * a progressive MP4 of a long recording is built from.
 */
public final class FragmentReader {

    /** One sample as a fragment describes it; {@code dataOffset} is from the start of the segment. */
    public record SampleInfo(long decodeTime, long duration, int compositionOffset, boolean sync, long dataOffset,
            int size) {
    }

    /** One track run of a fragment. */
    public record Run(TrackKind kind, long baseDecodeTime, List<SampleInfo> samples) {

        public Run {
            samples = List.copyOf(samples);
        }
    }

    /**
     * One fragment.
     *
     * @param offset where its {@code moof} starts in the segment
     * @param mdatDataOffset where its {@code mdat} payload starts in the segment
     * @param mdatDataLength the {@code mdat} payload's length
     */
    public record Fragment(long sequenceNumber, long offset, long mdatDataOffset, long mdatDataLength, List<Run> runs) {

        public Fragment {
            runs = List.copyOf(runs);
        }
    }

    /**
     * Bounds for reading.
     *
     * @param maxFragments fragments in one input; limit name {@code max_fragments}
     * @param maxSamples samples in one fragment; limit name {@code max_fragment_samples}
     */
    public record Limits(int maxFragments, int maxSamples) {

        /** A 10-second segment of 240 fps video in 100 ms parts stays far below these. */
        public static final Limits DEFAULTS = new Limits(10_000, 100_000);
    }

    private static final int TFHD_BASE_DATA_OFFSET = 0x01;
    private static final int TFHD_SAMPLE_DESCRIPTION_INDEX = 0x02;
    private static final int TFHD_DEFAULT_DURATION = 0x08;
    private static final int TFHD_DEFAULT_SIZE = 0x10;
    private static final int TFHD_DEFAULT_FLAGS = 0x20;
    private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x004;
    private static final int NON_SYNC_BIT = 0x0001_0000;
    private static final int HEADER = 8;

    private FragmentReader() {
    }

    /** The fragments of a whole segment (its {@code mdat} payloads included). */
    public static List<Fragment> read(byte[] segment, Limits limits) {
        return read(segment, false, limits);
    }

    /** The fragments described by a segment's index ({@link #index}), at their places in the stored segment. */
    public static List<Fragment> readIndex(byte[] index, Limits limits) {
        return read(index, true, limits);
    }

    /** The index of a segment: its {@code moof} boxes and {@code mdat} headers, without the media. */
    public static byte[] index(byte[] segment, Limits limits) {
        List<Fragment> fragments = read(segment, limits);
        int size = 0;
        for (Fragment fragment : fragments) {
            size += (int) (fragment.mdatDataOffset() - fragment.offset());
        }
        byte[] index = new byte[size];
        int position = 0;
        for (Fragment fragment : fragments) {
            int length = (int) (fragment.mdatDataOffset() - fragment.offset());
            System.arraycopy(segment, (int) fragment.offset(), index, position, length);
            position += length;
        }
        return index;
    }

    private static List<Fragment> read(byte[] input, boolean skeleton, Limits limits) {
        var in = new ByteCursor(input);
        List<Fragment> fragments = new ArrayList<>();
        long virtual = 0;
        PendingMoof moof = null;
        while (in.remaining() > 0) {
            int start = in.position();
            long size = Integer.toUnsignedLong(in.u32());
            String type = fourCc(in.u32());
            if (size == 1 || size < HEADER) {
                throw new MediaFormatException("box " + type + " at " + start + " has an unsupported size " + size);
            }
            long payload = size - HEADER;
            switch (type) {
                case "moof" -> {
                    if (moof != null) {
                        throw new MediaFormatException("moof at " + start + " follows a moof without mdat");
                    }
                    requireBytes(in, payload, type);
                    moof = readMoof(new ByteCursor(input, in.position(), (int) payload), virtual, limits);
                    in.skip((int) payload);
                    virtual += size;
                }
                case "mdat" -> {
                    if (moof == null) {
                        throw new MediaFormatException("mdat at " + start + " without a moof");
                    }
                    LimitExceededException.check("max_fragments", limits.maxFragments(), fragments.size() + 1L);
                    fragments.add(moof.complete(virtual + HEADER, payload));
                    moof = null;
                    if (!skeleton) {
                        requireBytes(in, payload, type);
                        in.skip((int) payload);
                    }
                    virtual += size;
                }
                case "styp", "sidx", "free", "prft", "emsg" -> {
                    if (moof != null) {
                        // A CMAF chunk is a moof and its mdat, side by side; a box between them would also end up
                        // in the segment's index, which holds moof and mdat headers only.
                        throw new MediaFormatException(type + " at " + start + " lies between a moof and its mdat");
                    }
                    if (skeleton) {
                        throw new MediaFormatException("an index holds moof and mdat headers only, not " + type);
                    }
                    requireBytes(in, payload, type);
                    in.skip((int) payload);
                    virtual += size;
                }
                default -> throw new MediaFormatException("unexpected box " + type + " at " + start);
            }
        }
        if (moof != null) {
            throw new MediaFormatException("moof without mdat at the end");
        }
        return fragments;
    }

    private static void requireBytes(ByteCursor in, long payload, String type) {
        if (payload > in.remaining()) {
            throw new MediaFormatException(type + " box runs past the end: " + payload + " bytes, " + in.remaining()
                    + " left");
        }
    }

    /** A moof read, waiting for its mdat to check where its samples' data lies. */
    private record PendingMoof(long sequenceNumber, long offset, List<RunDraft> runs) {

        Fragment complete(long mdatDataOffset, long mdatDataLength) {
            List<Run> complete = new ArrayList<>(runs.size());
            for (RunDraft draft : runs) {
                List<SampleInfo> samples = new ArrayList<>(draft.samples().size());
                for (SampleInfo sample : draft.samples()) {
                    long dataOffset = offset + sample.dataOffset();
                    if (dataOffset < mdatDataOffset || dataOffset + sample.size() > mdatDataOffset + mdatDataLength) {
                        throw new MediaFormatException("sample data at " + dataOffset + " lies outside the mdat");
                    }
                    samples.add(new SampleInfo(sample.decodeTime(), sample.duration(), sample.compositionOffset(),
                            sample.sync(), dataOffset, sample.size()));
                }
                complete.add(new Run(draft.kind(), draft.baseDecodeTime(), samples));
            }
            return new Fragment(sequenceNumber, offset, mdatDataOffset, mdatDataLength, complete);
        }
    }

    /** A run whose sample data offsets are still relative to the moof. */
    private record RunDraft(TrackKind kind, long baseDecodeTime, List<SampleInfo> samples) {
    }

    private static PendingMoof readMoof(ByteCursor in, long moofOffset, Limits limits) {
        long sequence = -1;
        List<RunDraft> runs = new ArrayList<>();
        int samples = 0;
        while (in.remaining() > 0) {
            ByteCursor box = child(in);
            String type = fourCc(box.u32());
            switch (type) {
                case "mfhd" -> {
                    box.u32();
                    sequence = Integer.toUnsignedLong(box.u32());
                }
                case "traf" -> {
                    RunDraft run = readTraf(box, limits.maxSamples() - samples);
                    samples += run.samples().size();
                    runs.add(run);
                }
                default -> {
                    // Other boxes (pssh, say) carry nothing a reader of samples needs.
                }
            }
        }
        if (sequence < 0) {
            throw new MediaFormatException("moof without mfhd");
        }
        return new PendingMoof(sequence, moofOffset, runs);
    }

    private static RunDraft readTraf(ByteCursor in, int samplesLeft) {
        TrackKind kind = null;
        long baseDataOffset = 0;
        long defaultDuration = 0;
        int defaultSize = 0;
        int defaultFlags = 0;
        long baseDecodeTime = -1;
        List<SampleInfo> samples = null;
        while (in.remaining() > 0) {
            ByteCursor box = child(in);
            String type = fourCc(box.u32());
            switch (type) {
                case "tfhd" -> {
                    int flags = box.u32() & 0xFF_FFFF;
                    long trackId = Integer.toUnsignedLong(box.u32());
                    kind = TrackKind.ofTrackId(trackId);
                    if (kind == null) {
                        throw new MediaFormatException("unknown track id " + trackId);
                    }
                    if ((flags & TFHD_BASE_DATA_OFFSET) != 0) {
                        throw new MediaFormatException("explicit base data offsets are not supported");
                    }
                    if ((flags & TFHD_SAMPLE_DESCRIPTION_INDEX) != 0) {
                        box.u32();
                    }
                    if ((flags & TFHD_DEFAULT_DURATION) != 0) {
                        defaultDuration = Integer.toUnsignedLong(box.u32());
                    }
                    if ((flags & TFHD_DEFAULT_SIZE) != 0) {
                        defaultSize = box.u32();
                    }
                    if ((flags & TFHD_DEFAULT_FLAGS) != 0) {
                        defaultFlags = box.u32();
                    }
                }
                case "tfdt" -> {
                    int version = box.u8();
                    box.u24();
                    baseDecodeTime = version == 1 ? ((long) box.u32() << 32) | Integer.toUnsignedLong(box.u32())
                            : Integer.toUnsignedLong(box.u32());
                    if (baseDecodeTime < 0) {
                        throw new MediaFormatException("tfdt beyond 2^63");
                    }
                }
                case "trun" -> {
                    if (kind == null || baseDecodeTime < 0 || samples != null) {
                        throw new MediaFormatException("trun before tfhd and tfdt, or a second trun");
                    }
                    samples = readTrun(box, baseDataOffset, baseDecodeTime, defaultDuration, defaultSize,
                            defaultFlags, samplesLeft);
                }
                default -> {
                    // sbgp, sgpd, saiz and the like: nothing a reader of samples needs.
                }
            }
        }
        if (kind == null || samples == null || samples.isEmpty()) {
            throw new MediaFormatException("traf without tfhd or samples");
        }
        return new RunDraft(kind, baseDecodeTime, samples);
    }

    private static List<SampleInfo> readTrun(ByteCursor in, long baseDataOffset, long baseDecodeTime,
            long defaultDuration, int defaultSize, int defaultFlags, int samplesLeft) {
        int version = in.u8();
        int flags = in.u24();
        long count = Integer.toUnsignedLong(in.u32());
        LimitExceededException.check("max_fragment_samples", Math.max(0, samplesLeft), count);
        long dataOffset = baseDataOffset;
        if ((flags & FragmentWriter.TRUN_DATA_OFFSET) != 0) {
            dataOffset += in.u32();
        }
        int firstFlags = (flags & TRUN_FIRST_SAMPLE_FLAGS) != 0 ? in.u32() : defaultFlags;
        int perSample = Integer.bitCount(flags & 0xF00) * 4;
        in.require((int) Math.min(Integer.MAX_VALUE, count * perSample));
        List<SampleInfo> samples = new ArrayList<>((int) count);
        long decodeTime = baseDecodeTime;
        for (int i = 0; i < count; i++) {
            long duration = (flags & FragmentWriter.TRUN_SAMPLE_DURATION) != 0 ? Integer.toUnsignedLong(in.u32())
                    : defaultDuration;
            int size = (flags & FragmentWriter.TRUN_SAMPLE_SIZE) != 0 ? in.u32() : defaultSize;
            int sampleFlags = (flags & FragmentWriter.TRUN_SAMPLE_FLAGS) != 0 ? in.u32()
                    : i == 0 ? firstFlags : defaultFlags;
            int composition = (flags & FragmentWriter.TRUN_COMPOSITION_OFFSET) != 0 ? in.u32() : 0;
            if (version == 0 && composition < 0) {
                throw new MediaFormatException("unsigned composition offset beyond 2^31");
            }
            if (size < 0) {
                throw new MediaFormatException("sample size beyond 2^31");
            }
            samples.add(new SampleInfo(decodeTime, duration, composition, (sampleFlags & NON_SYNC_BIT) == 0,
                    dataOffset, size));
            dataOffset += size;
            decodeTime += duration;
            if (decodeTime < 0) {
                throw new MediaFormatException("decode time beyond 2^63");
            }
        }
        return samples;
    }

    /** The next child box as a cursor over its payload after the type, moving {@code in} past it. */
    private static ByteCursor child(ByteCursor in) {
        int start = in.position();
        long size = Integer.toUnsignedLong(in.u32());
        if (size < HEADER || size - 4 > in.remaining()) {
            throw new MediaFormatException("box at " + start + " has a bad size " + size);
        }
        var box = new ByteCursor(in.array(), in.position(), (int) size - 4);
        in.skip((int) size - 4);
        return box;
    }

    private static String fourCc(int value) {
        char[] chars = {(char) ((value >>> 24) & 0xFF), (char) ((value >>> 16) & 0xFF), (char) ((value >>> 8) & 0xFF),
            (char) (value & 0xFF)};
        return new String(chars);
    }
}
