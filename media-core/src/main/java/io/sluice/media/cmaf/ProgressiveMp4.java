package io.sluice.media.cmaf;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out one progressive MP4 ({@code faststart}: {@code ftyp}, {@code moov}, then one {@code mdat}) from a
 * recording's stored CMAF segments, without touching their media: the {@code moov}'s sample tables come from
 * the segments' indexes ({@link FragmentReader#index}), and the {@code mdat} is the segments' sample data, copied
 * in order. The result is a header to send and then ranges of the stored segments ({@link Layout}), so the file
 * can be streamed, measured before it is sent, and served by byte range.
 *
 * <p>Periods become sample descriptions of one track: a track whose configuration changes lists each
 * configuration once in {@code stsd}, and its chunks point at the one they were coded with. One track has one
 * timescale: the timing of a configuration with another (audio at another sample rate after a reconnect) is
 * converted to the first one's, its samples untouched. A track that starts later than the recording gets an edit
 * list that delays it, so that audio and video stay in sync.
 */
public final class ProgressiveMp4 {

    /** One stored segment: the period it belongs to and its index. */
    public record Segment(int period, byte[] index) {
    }

    /** A range of stored segment {@code segment} (its position in the list given to {@link #layout}). */
    public record Piece(int segment, long offset, long length) {
    }

    /**
     * The file: {@code header} first, then each piece's bytes in order.
     *
     * @param size the file's length: the header and every piece
     */
    public record Layout(byte[] header, List<Piece> pieces, long size) {

        public Layout {
            pieces = List.copyOf(pieces);
        }
    }

    /**
     * Bounds for a recording.
     *
     * @param maxSamples samples of all tracks together; limit name {@code max_mp4_samples}
     * @param maxHeaderBytes size of {@code ftyp} and {@code moov}; limit name {@code max_mp4_header_bytes}
     */
    public record Limits(int maxSamples, int maxHeaderBytes) {

        /** Twelve hours of 60 fps video with 48 kHz AAC is about 5.1 million samples. */
        public static final Limits DEFAULTS = new Limits(8_000_000, 256 << 20);
    }

    private static final long MAX_32 = 0xFFFF_FFFFL;

    private ProgressiveMp4() {
    }

    /**
     * The layout of the MP4 of a recording whose periods have {@code periods} tracks and whose segments, in order,
     * are {@code segments}.
     */
    public static Layout layout(List<List<TrackConfiguration>> periods, List<Segment> segments, Limits limits,
            FragmentReader.Limits readerLimits) {
        Map<TrackKind, TrackTable> tables = new EnumMap<>(TrackKind.class);
        List<Piece> pieces = new ArrayList<>();
        long dataSize = 0;
        int samples = 0;
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            if (segment.period() < 0 || segment.period() >= periods.size()) {
                throw new MediaFormatException("segment " + s + " names unknown period " + segment.period());
            }
            List<TrackConfiguration> periodTracks = periods.get(segment.period());
            for (FragmentReader.Fragment fragment : FragmentReader.readIndex(segment.index(), readerLimits)) {
                for (FragmentReader.Run run : fragment.runs()) {
                    TrackConfiguration track = periodTracks.stream().filter(t -> t.kind() == run.kind()).findFirst()
                            .orElseThrow(() -> new MediaFormatException("a run of a track its period does not have"));
                    samples += run.samples().size();
                    LimitExceededException.check("max_mp4_samples", limits.maxSamples(), samples);
                    TrackTable table = tables.computeIfAbsent(run.kind(), kind -> new TrackTable(track));
                    long runStart = run.samples().getFirst().dataOffset();
                    long runLength = 0;
                    for (FragmentReader.SampleInfo sample : run.samples()) {
                        if (sample.dataOffset() != runStart + runLength) {
                            throw new MediaFormatException("a run's samples are not contiguous");
                        }
                        runLength += sample.size();
                    }
                    table.chunk(track, dataSize, run.samples());
                    addPiece(pieces, s, runStart, runLength);
                    dataSize += runLength;
                }
            }
        }
        if (tables.isEmpty()) {
            throw new MediaFormatException("a recording without samples has no MP4");
        }
        boolean largeMdat = dataSize + 8 > MAX_32;
        int mdatHeader = largeMdat ? 16 : 8;
        byte[] probe = header(tables, 0, dataSize, largeMdat, limits);
        long dataStart = probe.length + (long) mdatHeader;
        byte[] header = header(tables, dataStart, dataSize, largeMdat, limits);
        if (header.length != probe.length) {
            throw new IllegalStateException("moov changed size with its offsets");
        }
        var withMdat = new BoxWriter(header.length + mdatHeader, limits.maxHeaderBytes() + 16).bytes(header);
        if (largeMdat) {
            withMdat.u32(1).fourCc("mdat").u64(dataSize + 16);
        } else {
            withMdat.u32(dataSize + 8).fourCc("mdat");
        }
        byte[] head = withMdat.toByteArray();
        return new Layout(head, pieces, head.length + dataSize);
    }

    private static void addPiece(List<Piece> pieces, int segment, long offset, long length) {
        if (!pieces.isEmpty()) {
            Piece last = pieces.getLast();
            if (last.segment() == segment && last.offset() + last.length() == offset) {
                pieces.set(pieces.size() - 1, new Piece(segment, last.offset(), last.length() + length));
                return;
            }
        }
        pieces.add(new Piece(segment, offset, length));
    }

    private static byte[] header(Map<TrackKind, TrackTable> tables, long dataStart, long dataSize, boolean largeMdat,
            Limits limits) {
        long movieDuration = 0;
        long firstStart = Long.MAX_VALUE;
        for (TrackTable table : tables.values()) {
            firstStart = Math.min(firstStart, table.startMillis());
        }
        for (TrackTable table : tables.values()) {
            movieDuration = Math.max(movieDuration, table.startMillis() - firstStart + table.durationMillis());
        }
        var out = new BoxWriter(4096, limits.maxHeaderBytes());
        out.open("ftyp").fourCc("isom").u32(0x200).fourCc("isom").fourCc("iso2").fourCc("iso6").fourCc("mp41")
                .close();
        out.open("moov");
        List<TrackConfiguration> firsts = tables.values().stream().map(t -> t.entries.getFirst()).toList();
        InitSegment.movieHeader(out, movieDuration, InitSegment.nextTrackId(firsts));
        boolean co64 = largeMdat || dataStart + dataSize > MAX_32;
        for (TrackTable table : tables.values()) {
            TrackConfiguration first = table.entries.getFirst();
            long delay = table.startMillis() - firstStart;
            out.open("trak");
            InitSegment.trackHeader(out, first, delay + table.durationMillis());
            if (delay > 0) {
                out.open("edts").openFull("elst", 1, 0).u32(2)
                        .u64(delay).u64(-1L).u16(1).u16(0)
                        .u64(table.durationMillis()).u64(0).u16(1).u16(0)
                        .close().close();
            }
            out.open("mdia");
            InitSegment.mediaHeader(out, first, table.durationTicks());
            InitSegment.mediaInformationStart(out, first);
            out.open("stbl");
            table.write(out, dataStart, co64);
            out.close().close().close().close();
        }
        out.close();
        return out.toByteArray();
    }

    /** A track's sample tables, built chunk by chunk (one chunk per track run). */
    private static final class TrackTable {
        final List<TrackConfiguration> entries = new ArrayList<>();
        final int timescale;
        long[] decodeTimes = new long[1024];
        long[] durations = new long[1024];
        int[] sizes = new int[1024];
        int[] compositions = new int[1024];
        boolean[] syncs = new boolean[1024];
        int count;
        long[] chunkOffsets = new long[256];
        int[] chunkSamples = new int[256];
        int[] chunkEntries = new int[256];
        int chunks;

        TrackTable(TrackConfiguration first) {
            this.timescale = first.timescale();
            entries.add(first);
        }

        void chunk(TrackConfiguration track, long dataOffset, List<FragmentReader.SampleInfo> samples) {
            int from = track.timescale();
            int entry = entries.indexOf(track);
            if (entry < 0) {
                entries.add(track);
                entry = entries.size() - 1;
            }
            if (chunks == chunkOffsets.length) {
                chunkOffsets = Arrays.copyOf(chunkOffsets, chunks * 2);
                chunkSamples = Arrays.copyOf(chunkSamples, chunks * 2);
                chunkEntries = Arrays.copyOf(chunkEntries, chunks * 2);
            }
            chunkOffsets[chunks] = dataOffset;
            chunkSamples[chunks] = samples.size();
            chunkEntries[chunks] = entry + 1;
            chunks++;
            for (FragmentReader.SampleInfo sample : samples) {
                if (count == sizes.length) {
                    int grown = count * 2;
                    decodeTimes = Arrays.copyOf(decodeTimes, grown);
                    durations = Arrays.copyOf(durations, grown);
                    sizes = Arrays.copyOf(sizes, grown);
                    compositions = Arrays.copyOf(compositions, grown);
                    syncs = Arrays.copyOf(syncs, grown);
                }
                decodeTimes[count] = rescale(sample.decodeTime(), from);
                durations[count] = rescale(sample.duration(), from);
                sizes[count] = sample.size();
                compositions[count] = (int) rescale(sample.compositionOffset(), from);
                syncs[count] = sample.sync();
                count++;
            }
        }

        /**
         * {@code ticks} of timescale {@code from} in the track's timescale, rounded to the nearest tick. Decode
         * times are converted, not durations summed, so that rounding never accumulates.
         */
        private long rescale(long ticks, int from) {
            if (from == timescale) {
                return ticks;
            }
            return Math.floorDiv(ticks * timescale + from / 2, from);
        }

        /**
         * A sample lasts until the next one's decode time, so that gaps and overlaps between fragments (a
         * stream that paused) keep the recording's timing; the last one keeps its own duration.
         */
        long duration(int i) {
            return i + 1 < count ? Math.max(0, decodeTimes[i + 1] - decodeTimes[i]) : durations[i];
        }

        long durationTicks() {
            return decodeTimes[count - 1] + durations[count - 1] - decodeTimes[0];
        }

        long startMillis() {
            return decodeTimes[0] * 1000 / timescale;
        }

        long durationMillis() {
            return durationTicks() * 1000 / timescale;
        }

        void write(BoxWriter out, long dataStart, boolean co64) {
            out.openFull("stsd", 0, 0).u32(entries.size());
            for (TrackConfiguration entry : entries) {
                out.bytes(entry.sampleEntry().toByteArray());
            }
            out.close();
            writeTimeToSample(out);
            writeCompositionOffsets(out);
            writeSyncSamples(out);
            writeSampleToChunk(out);
            out.openFull("stsz", 0, 0).u32(0).u32(count);
            for (int i = 0; i < count; i++) {
                out.u32(sizes[i]);
            }
            out.close();
            out.openFull(co64 ? "co64" : "stco", 0, 0).u32(chunks);
            for (int i = 0; i < chunks; i++) {
                if (co64) {
                    out.u64(dataStart + chunkOffsets[i]);
                } else {
                    out.u32(dataStart + chunkOffsets[i]);
                }
            }
            out.close();
        }

        private void writeTimeToSample(BoxWriter out) {
            var runs = new RunLengths();
            for (int i = 0; i < count; i++) {
                runs.add(duration(i));
            }
            out.openFull("stts", 0, 0).u32(runs.size());
            runs.write(out);
            out.close();
        }

        private void writeCompositionOffsets(BoxWriter out) {
            boolean any = false;
            boolean negative = false;
            for (int i = 0; i < count; i++) {
                any |= compositions[i] != 0;
                negative |= compositions[i] < 0;
            }
            if (!any) {
                return;
            }
            var runs = new RunLengths();
            for (int i = 0; i < count; i++) {
                runs.add(compositions[i] & MAX_32);
            }
            out.openFull("ctts", negative ? 1 : 0, 0).u32(runs.size());
            runs.write(out);
            out.close();
        }

        private void writeSyncSamples(BoxWriter out) {
            int syncCount = 0;
            for (int i = 0; i < count; i++) {
                syncCount += syncs[i] ? 1 : 0;
            }
            if (syncCount == count) {
                return;
            }
            out.openFull("stss", 0, 0).u32(syncCount);
            for (int i = 0; i < count; i++) {
                if (syncs[i]) {
                    out.u32(i + 1);
                }
            }
            out.close();
        }

        private void writeSampleToChunk(BoxWriter out) {
            int entries = 0;
            for (int i = 0; i < chunks; i++) {
                if (i == 0 || chunkSamples[i] != chunkSamples[i - 1] || chunkEntries[i] != chunkEntries[i - 1]) {
                    entries++;
                }
            }
            out.openFull("stsc", 0, 0).u32(entries);
            for (int i = 0; i < chunks; i++) {
                if (i == 0 || chunkSamples[i] != chunkSamples[i - 1] || chunkEntries[i] != chunkEntries[i - 1]) {
                    out.u32(i + 1).u32(chunkSamples[i]).u32(chunkEntries[i]);
                }
            }
            out.close();
        }
    }

    /** Run-length pairs (count, value) as {@code stts} and {@code ctts} hold them. */
    private static final class RunLengths {
        private long[] values = new long[64];
        private int[] counts = new int[64];
        private int size;

        void add(long value) {
            if (size > 0 && values[size - 1] == value) {
                counts[size - 1]++;
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            values[size] = value;
            counts[size] = 1;
            size++;
        }

        int size() {
            return size;
        }

        void write(BoxWriter out) {
            for (int i = 0; i < size; i++) {
                out.u32(counts[i]).u32(values[i]);
            }
        }
    }
}
