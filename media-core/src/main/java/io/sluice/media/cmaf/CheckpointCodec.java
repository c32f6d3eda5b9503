package io.sluice.media.cmaf;

import io.sluice.media.cmaf.SegmenterCheckpoint.TrackPosition;
import io.sluice.media.codec.ByteCursor;
import io.sluice.media.codec.CodecLimits;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Stores a {@link SegmenterCheckpoint} as bytes and reads it back: a version byte, then every field big-endian;
 * a track configuration as its sample entry type and the configuration record the encoder sent, made into a
 * track again on reading. Reading checks every field, so bytes that were not written here are refused with a
 * {@link MediaFormatException}.
 */
public final class CheckpointCodec {

    private static final int VERSION = 1;
    /** A configuration record (parameter sets included) is a few hundred bytes; this bounds a hostile one. */
    private static final int MAX_RECORD_BYTES = 1 << 20;

    private CheckpointCodec() {
    }

    public static byte[] encode(SegmenterCheckpoint checkpoint) {
        var out = new BoxWriter(512, 8 * MAX_RECORD_BYTES);
        out.u8(VERSION).u32(checkpoint.period()).u8(checkpoint.periodOpen() ? 1 : 0);
        tracks(out, checkpoint.periodTracks());
        tracks(out, checkpoint.latestTracks());
        out.u64(checkpoint.anchorRtmp()).u64(checkpoint.anchorNanos()).u64(checkpoint.recordingEndNanos());
        for (TrackKind kind : TrackKind.values()) {
            TrackPosition position = checkpoint.tracks().get(kind);
            out.u8(position.appended() ? 1 : 0).u64(position.rtmpTimestamp()).u64(position.offsetMillis())
                    .u64(position.endTicks()).u64(position.lastDuration()).u64(position.previousDuration())
                    .u64(position.writtenThrough());
        }
        out.u64(checkpoint.segment()).u8(checkpoint.segmentOpen() ? 1 : 0).u32(checkpoint.nextPart())
                .u64(checkpoint.segmentStartTicks()).u64(checkpoint.segmentDurationMicros())
                .u8(checkpoint.segmentIndependent() ? 1 : 0).u64(checkpoint.fragmentSequence());
        return out.toByteArray();
    }

    public static SegmenterCheckpoint decode(byte[] bytes, CodecLimits limits) {
        var in = new ByteCursor(bytes);
        int version = in.u8();
        if (version != VERSION) {
            throw new MediaFormatException("unknown checkpoint version " + version);
        }
        int period = in.u32();
        boolean periodOpen = flag(in);
        Map<TrackKind, TrackConfiguration> periodTracks = tracks(in, limits);
        Map<TrackKind, TrackConfiguration> latestTracks = tracks(in, limits);
        long anchorRtmp = u64(in);
        long anchorNanos = u64(in);
        long recordingEndNanos = u64(in);
        Map<TrackKind, TrackPosition> positions = new EnumMap<>(TrackKind.class);
        for (TrackKind kind : TrackKind.values()) {
            positions.put(kind, new TrackPosition(flag(in), u64(in), u64(in), u64(in), u64(in), u64(in), u64(in)));
        }
        long segment = u64(in);
        boolean segmentOpen = flag(in);
        int nextPart = in.u32();
        long segmentStartTicks = u64(in);
        long segmentDurationMicros = u64(in);
        boolean segmentIndependent = flag(in);
        long fragmentSequence = u64(in);
        if (in.remaining() != 0) {
            throw new MediaFormatException(in.remaining() + " bytes after the checkpoint");
        }
        if (period < -1 || (periodOpen && periodTracks.isEmpty()) || anchorRtmp < 0 || anchorRtmp > 0xFFFF_FFFFL
                || anchorNanos < 0 || recordingEndNanos < 0 || segment < 0 || nextPart < 0 || segmentDurationMicros < 0
                || fragmentSequence < 1 || fragmentSequence > 0xFFFF_FFFFL) {
            throw new MediaFormatException("checkpoint fields out of range");
        }
        for (TrackPosition position : positions.values()) {
            if (position.rtmpTimestamp() < 0 || position.rtmpTimestamp() > 0xFFFF_FFFFL || position.endTicks() < 0
                    || position.lastDuration() < 0 || position.previousDuration() < 0 || position.writtenThrough() < 0) {
                throw new MediaFormatException("checkpoint track position out of range");
            }
        }
        return new SegmenterCheckpoint(period, periodOpen, periodTracks, latestTracks, anchorRtmp, anchorNanos,
                recordingEndNanos, positions, segment, segmentOpen, nextPart, segmentStartTicks, segmentDurationMicros,
                segmentIndependent, fragmentSequence);
    }

    private static void tracks(BoxWriter out, Map<TrackKind, TrackConfiguration> tracks) {
        out.u8(tracks.size());
        for (TrackKind kind : TrackKind.values()) {
            TrackConfiguration track = tracks.get(kind);
            if (track == null) {
                continue;
            }
            byte[] source = track.source().toByteArray();
            out.u8(track.kind().ordinal()).fourCc(track.fourCc()).u32(source.length).bytes(source);
        }
    }

    private static Map<TrackKind, TrackConfiguration> tracks(ByteCursor in, CodecLimits limits) {
        int count = in.u8();
        LimitExceededException.check("max_checkpoint_tracks", TrackKind.values().length, count);
        Map<TrackKind, TrackConfiguration> tracks = new EnumMap<>(TrackKind.class);
        for (int i = 0; i < count; i++) {
            int ordinal = in.u8();
            if (ordinal >= TrackKind.values().length) {
                throw new MediaFormatException("unknown track kind " + ordinal);
            }
            TrackKind kind = TrackKind.values()[ordinal];
            String fourCc = new String(in.bytes(4).toByteArray(), StandardCharsets.ISO_8859_1);
            long length = Integer.toUnsignedLong(in.u32());
            LimitExceededException.check("max_checkpoint_record_bytes", MAX_RECORD_BYTES, length);
            TrackConfiguration track = TrackConfigurations.of(fourCc, in.bytes((int) length).toByteArray(), limits);
            // One order for one checkpoint: by kind, each once, so that reading and writing are inverse.
            boolean inOrder = tracks.keySet().stream().allMatch(listed -> listed.ordinal() < ordinal);
            if (track.kind() != kind || !inOrder) {
                throw new MediaFormatException("checkpoint track " + fourCc + " listed as " + kind
                        + ", twice or out of order");
            }
            tracks.put(kind, track);
        }
        return tracks;
    }

    private static boolean flag(ByteCursor in) {
        int value = in.u8();
        if (value > 1) {
            throw new MediaFormatException("checkpoint flag is " + value);
        }
        return value == 1;
    }

    private static long u64(ByteCursor in) {
        return ((long) in.u32() << 32) | Integer.toUnsignedLong(in.u32());
    }
}
