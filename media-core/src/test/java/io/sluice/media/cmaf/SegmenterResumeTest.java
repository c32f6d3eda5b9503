package io.sluice.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.flv.FlvFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A segmenter that dies anywhere and is resumed from the checkpoint of its last stored output, then fed again what
 * that checkpoint has not stored, makes exactly the outputs an uninterrupted one makes: the same names, the same
 * bytes. This is what lets recording-service lose an instance in the middle of a stream and lose no frame.
 */
class SegmenterResumeTest {

    static Stream<Arguments> crashes() {
        return Stream.of("testsrc-320x240-3s.flv", "codec-h264-aac.flv", "ertmp-hevc-aac.flv")
                .flatMap(clip -> IntStream.of(1, 5, 17, 40, 77, 120, 150, 199).mapToObj(at -> Arguments.of(clip, at)));
    }

    @ParameterizedTest(name = "{0}, dying after input {1}")
    @MethodSource("crashes")
    void resumingFromTheLastCheckpointGivesTheSameOutputs(String clip, int crashAfter) {
        List<Recorder.Input> inputs = Recorder.inputs(FlvFiles.tags(clip));
        SegmenterSettings settings = new SegmenterSettings(1000, 200, 10_000, 2048, 48 << 20);
        Recorder whole = new Recorder(settings);
        whole.feedAll(inputs);
        whole.endSession();

        Recorder dying = new Recorder(settings);
        int crash = Math.min(crashAfter, inputs.size());
        dying.feedAll(inputs.subList(0, crash));
        SegmenterCheckpoint stored = lastCheckpoint(dying.outputs);
        List<SegmenterOutput> kept = new ArrayList<>(dying.outputs.subList(0, lastCheckpointIndex(dying.outputs) + 1));

        Recorder resumed = new Recorder(settings);
        resumed.segmenter = CmafSegmenter.resume(settings,
                CheckpointCodec.decode(CheckpointCodec.encode(stored), CodecLimits.DEFAULTS));
        for (Recorder.Input input : inputs) {
            TrackKind kind = Recorder.kind(input);
            if (kind != null && input.sequence() > stored.writtenThrough(kind)) {
                resumed.feed(input);
            }
        }
        resumed.endSession();

        List<SegmenterOutput> replayed = new ArrayList<>(kept);
        replayed.addAll(resumed.outputs);
        assertThat(describe(withoutRepeatedInits(replayed))).isEqualTo(describe(whole.outputs));
    }

    private static SegmenterCheckpoint lastCheckpoint(List<SegmenterOutput> outputs) {
        int index = lastCheckpointIndex(outputs);
        return index < 0 ? SegmenterCheckpoint.initial() : switch (outputs.get(index)) {
            case SegmenterOutput.Part part -> part.checkpoint();
            case SegmenterOutput.SegmentEnd end -> end.checkpoint();
            case SegmenterOutput.Init init -> throw new AssertionError("an init has no checkpoint");
        };
    }

    private static int lastCheckpointIndex(List<SegmenterOutput> outputs) {
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (!(outputs.get(i) instanceof SegmenterOutput.Init)) {
                return i;
            }
        }
        return -1;
    }

    /** An init written again after a resume has the same name and bytes: storing it again changes nothing. */
    private static List<SegmenterOutput> withoutRepeatedInits(List<SegmenterOutput> outputs) {
        List<SegmenterOutput> unique = new ArrayList<>();
        for (SegmenterOutput output : outputs) {
            if (output instanceof SegmenterOutput.Init init && unique.stream().anyMatch(o -> o instanceof
                    SegmenterOutput.Init seen && seen.period() == init.period())) {
                SegmenterOutput.Init seen = (SegmenterOutput.Init) unique.stream().filter(o -> o instanceof
                        SegmenterOutput.Init i && i.period() == init.period()).findFirst().orElseThrow();
                assertThat(init.bytes()).isEqualTo(seen.bytes());
                continue;
            }
            unique.add(output);
        }
        return unique;
    }

    /** Names, timing and bytes of every output; the checkpoints are the same when these are. */
    private static List<String> describe(List<SegmenterOutput> outputs) {
        return outputs.stream().map(output -> switch (output) {
            case SegmenterOutput.Init init -> "init " + init.period() + " " + java.util.Arrays.hashCode(init.bytes());
            case SegmenterOutput.Part part -> "part " + part.segment() + "." + part.part() + " p" + part.period() + " "
                    + part.durationMicros() + " " + part.independent() + " " + java.util.Arrays.hashCode(part.bytes())
                    + " " + part.bytes().length;
            case SegmenterOutput.SegmentEnd end -> "segment " + end.segment() + " p" + end.period() + " "
                    + end.durationMicros() + " " + end.parts() + " " + end.independent();
        }).toList();
    }
}
