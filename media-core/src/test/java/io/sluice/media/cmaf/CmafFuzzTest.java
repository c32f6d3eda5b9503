package io.sluice.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.codec.CodecLimits;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.testvectors.Vectors;
import java.util.List;

/**
 * Fuzzes what the CMAF package reads: stored fragments and their indexes, stored checkpoints, tag bodies, and the
 * segmenter driven by any sequence of configurations, frames, timestamps, flushes and session ends. Only
 * {@link MediaFormatException} (limits included) may escape; what reads must read the same again.
 */
class CmafFuzzTest {

    private static final FragmentReader.Limits READER = new FragmentReader.Limits(64, 4096);
    private static final CodecLimits CODEC = new CodecLimits(64, 64 * 1024, 16, 64);
    private static final List<TrackConfiguration> TRACKS = List.of(
            TrackConfigurations.of("avc1", Vectors.media("codec-avc-high422.avcC"), CodecLimits.DEFAULTS),
            TrackConfigurations.of("hvc1", Vectors.media("codec-hevc-main.hvcC"), CodecLimits.DEFAULTS),
            TrackConfigurations.of("mp4a", Vectors.media("codec-aac-lc-stereo.asc"), CodecLimits.DEFAULTS),
            TrackConfigurations.of("Opus", Vectors.media("codec-opus-stereo.OpusHead"), CodecLimits.DEFAULTS));

    @FuzzTest
    void fragments(byte[] data) {
        List<FragmentReader.Fragment> fragments;
        try {
            fragments = FragmentReader.read(data, READER);
        } catch (MediaFormatException expected) {
            return;
        }
        byte[] index = FragmentReader.index(data, READER);
        assertThat(FragmentReader.readIndex(index, READER)).isEqualTo(fragments);
        try {
            ProgressiveMp4.layout(List.of(List.of(TRACKS.get(0), TRACKS.get(2))),
                    List.of(new ProgressiveMp4.Segment(0, index)), ProgressiveMp4.Limits.DEFAULTS, READER);
        } catch (MediaFormatException expected) {
            // A fragment may name a track or timing an MP4 cannot take.
        }
    }

    @FuzzTest
    void fragmentIndex(byte[] data) {
        try {
            ProgressiveMp4.Layout layout = ProgressiveMp4.layout(List.of(List.of(TRACKS.get(0), TRACKS.get(2))),
                    List.of(new ProgressiveMp4.Segment(0, data)), ProgressiveMp4.Limits.DEFAULTS, READER);
            assertThat(layout.size()).isGreaterThanOrEqualTo(layout.header().length);
        } catch (MediaFormatException expected) {
            // Malformed indexes are the point of fuzzing.
        }
    }

    @FuzzTest
    void checkpoints(byte[] data) {
        SegmenterCheckpoint checkpoint;
        try {
            checkpoint = CheckpointCodec.decode(data, CODEC);
        } catch (MediaFormatException expected) {
            return;
        }
        assertThat(CheckpointCodec.encode(checkpoint)).isEqualTo(data);
        CmafSegmenter.resume(SegmenterSettings.DEFAULTS, checkpoint);
    }

    @FuzzTest
    void tagBodies(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] body = java.util.Arrays.copyOfRange(data, 1, data.length);
        MediaUnit unit;
        try {
            unit = (data[0] & 1) == 0 ? Recorder.SAMPLER.video(body) : Recorder.SAMPLER.audio(body);
        } catch (MediaFormatException expected) {
            return;
        }
        if (unit instanceof MediaUnit.Frame frame) {
            assertThat(frame.offset()).isNotNegative();
            assertThat(frame.offset() + frame.length()).isLessThanOrEqualTo(frame.data().length);
        }
    }

    @FuzzTest
    void segmenter(FuzzedDataProvider data) {
        long partTarget = data.consumeLong(SegmenterSettings.MIN_PART_TARGET_MILLIS,
                SegmenterSettings.MAX_PART_TARGET_MILLIS);
        SegmenterSettings settings = new SegmenterSettings(data.consumeLong(partTarget, 4000),
                partTarget, data.consumeLong(1, 20_000), data.consumeInt(2, 64), 17 << 20);
        CmafSegmenter segmenter = CmafSegmenter.start(settings);
        SegmenterCheckpoint lastCheckpoint = null;
        byte[] payload = new byte[64];
        long sequence = 0;
        long timestamp = data.consumeLong(0, 0xFFFF_FFFFL);
        for (int step = 0; step < 400 && data.remainingBytes() > 0; step++) {
            List<SegmenterOutput> outputs;
            try {
                outputs = switch (data.consumeInt(0, 9)) {
                    case 0 -> segmenter.configure(data.pickValue(TRACKS), ++sequence);
                    case 1 -> segmenter.flush();
                    case 2 -> segmenter.endSession();
                    default -> {
                        timestamp = (timestamp + data.consumeInt(-50, 400)) & 0xFFFF_FFFFL;
                        TrackKind kind = data.consumeBoolean() ? TrackKind.VIDEO : TrackKind.AUDIO;
                        yield segmenter.frame(new MediaUnit.Frame(kind, data.consumeInt(-1000, 1000),
                                data.consumeInt(0, 999_999), data.consumeBoolean(), payload, 0,
                                data.consumeInt(0, payload.length)), timestamp, ++sequence);
                    }
                };
            } catch (MediaFormatException expected) {
                continue;
            }
            for (SegmenterOutput output : outputs) {
                switch (output) {
                    case SegmenterOutput.Part part -> {
                        assertThat(FragmentReader.read(part.bytes(), FragmentReader.Limits.DEFAULTS)).hasSize(1);
                        lastCheckpoint = part.checkpoint();
                    }
                    case SegmenterOutput.Init init -> assertThat(init.tracks()).isNotEmpty();
                    case SegmenterOutput.SegmentEnd end -> assertThat(end.parts()).isPositive();
                }
            }
        }
        // Only the input's last checkpoint goes through the codec: decoding one parses every track's codec
        // configuration again, which took half of each execution, and any earlier checkpoint is the last one of
        // a shorter input, which the fuzzer reaches by cutting this one.
        if (lastCheckpoint != null) {
            SegmenterCheckpoint decoded = CheckpointCodec.decode(CheckpointCodec.encode(lastCheckpoint),
                    CodecLimits.DEFAULTS);
            assertThat(decoded).isEqualTo(lastCheckpoint);
            CmafSegmenter.resume(settings, decoded);
        }
    }
}
