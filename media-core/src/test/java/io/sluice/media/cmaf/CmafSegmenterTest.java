package io.sluice.media.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.testvectors.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the segmenter cuts parts, segments and periods, and the limits it keeps. */
class CmafSegmenterTest {

    private static final TrackConfiguration VIDEO = TrackConfigurations.of("avc1",
            Vectors.media("codec-avc-high422.avcC"), CodecLimits.DEFAULTS);
    private static final TrackConfiguration OTHER_VIDEO = TrackConfigurations.of("hvc1",
            Vectors.media("codec-hevc-main.hvcC"), CodecLimits.DEFAULTS);
    private static final TrackConfiguration AUDIO = TrackConfigurations.of("mp4a", Vectors.hex("11 90"),
            CodecLimits.DEFAULTS);
    private static final byte[] FRAME = new byte[100];

    private final List<SegmenterOutput> outputs = new ArrayList<>();
    private long sequence;

    private static MediaUnit.Frame video(boolean key) {
        return new MediaUnit.Frame(TrackKind.VIDEO, 0, 0, key, FRAME, 0, FRAME.length);
    }

    private static MediaUnit.Frame audio() {
        return new MediaUnit.Frame(TrackKind.AUDIO, 0, 0, true, FRAME, 0, 10);
    }

    /** 30 fps video with a key frame every {@code gop} frames and 48 kHz AAC, for {@code seconds}, from {@code start} ms. */
    private void feedAv(CmafSegmenter segmenter, long start, int seconds, int gop) {
        double audioMillis = 1024 * 1000.0 / 48_000;
        int audioFrames = 0;
        for (int i = 0; i < seconds * 30; i++) {
            long videoTime = start + Math.round(i * 1000.0 / 30);
            while (start + Math.round(audioFrames * audioMillis) <= videoTime) {
                outputs.addAll(segmenter.frame(audio(), start + Math.round(audioFrames * audioMillis), ++sequence));
                audioFrames++;
            }
            outputs.addAll(segmenter.frame(video(i % gop == 0), videoTime, ++sequence));
        }
    }

    private CmafSegmenter started(TrackConfiguration... tracks) {
        CmafSegmenter segmenter = CmafSegmenter.start(SegmenterSettings.DEFAULTS);
        for (TrackConfiguration track : tracks) {
            outputs.addAll(segmenter.configure(track, ++sequence));
        }
        return segmenter;
    }

    private List<SegmenterOutput.Part> parts() {
        return outputs.stream().filter(SegmenterOutput.Part.class::isInstance).map(SegmenterOutput.Part.class::cast)
                .toList();
    }

    private List<SegmenterOutput.SegmentEnd> segments() {
        return outputs.stream().filter(SegmenterOutput.SegmentEnd.class::isInstance)
                .map(SegmenterOutput.SegmentEnd.class::cast).toList();
    }

    private List<SegmenterOutput.Init> inits() {
        return outputs.stream().filter(SegmenterOutput.Init.class::isInstance).map(SegmenterOutput.Init.class::cast)
                .toList();
    }

    @Test
    void partsStayWithinTheirTargetAndSegmentsStartOnKeyFrames() {
        CmafSegmenter segmenter = started(VIDEO, AUDIO);
        feedAv(segmenter, 0, 10, 60);
        outputs.addAll(segmenter.endSession());

        assertThat(segments()).hasSize(5);
        assertThat(segments()).allSatisfy(segment -> {
            assertThat(segment.durationMicros()).isBetween(1_990_000L, 2_010_000L);
            assertThat(segment.independent()).isTrue();
        });
        for (SegmenterOutput.SegmentEnd segment : segments()) {
            List<SegmenterOutput.Part> its = parts().stream().filter(p -> p.segment() == segment.segment()).toList();
            assertThat(its).hasSize(segment.parts());
            assertThat(its.getFirst().independent()).isTrue();
            assertThat(its.stream().mapToLong(SegmenterOutput.Part::durationMicros).sum())
                    .isEqualTo(segment.durationMicros());
            assertThat(its).allSatisfy(part -> assertThat(part.durationMicros()).isLessThanOrEqualTo(333_000));
            // RFC 8216bis 4.4.4.9: all parts but a segment's last are at least 85 % of the part target.
            assertThat(its.subList(0, its.size() - 1)).allSatisfy(part ->
                    assertThat(part.durationMicros()).isGreaterThanOrEqualTo(283_050));
        }
        assertThat(inits()).hasSize(1);
    }

    @Test
    void aSegmentWaitsForTheNextKeyFrame() {
        CmafSegmenter segmenter = started(VIDEO, AUDIO);
        feedAv(segmenter, 0, 9, 90);
        outputs.addAll(segmenter.endSession());

        assertThat(segments()).extracting(SegmenterOutput.SegmentEnd::durationMicros)
                .allSatisfy(duration -> assertThat(duration).isBetween(2_990_000L, 3_010_000L));
    }

    @Test
    void anAudioOnlyStreamIsCutByDuration() {
        CmafSegmenter segmenter = started(AUDIO);
        for (int i = 0; i < 48_000 * 6 / 1024; i++) {
            outputs.addAll(segmenter.frame(audio(), Math.round(i * 1024 * 1000.0 / 48_000), ++sequence));
        }
        outputs.addAll(segmenter.endSession());

        assertThat(segments()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(parts()).allSatisfy(part -> assertThat(part.independent()).isTrue());
        assertThat(inits().getFirst().tracks()).extracting(TrackConfiguration::kind).containsExactly(TrackKind.AUDIO);
    }

    @ParameterizedTest(name = "a jump of {0} ms")
    @ValueSource(longs = {-1, -5000, 10_001, 3_600_000})
    void aTimestampJumpStartsANewPeriodThatContinuesTheTimeline(long jump) {
        CmafSegmenter segmenter = started(VIDEO, AUDIO);
        feedAv(segmenter, 100_000, 3, 30);
        long end = segments().isEmpty() ? 0 : 0;
        feedAv(segmenter, 100_000 + 3000 - 33 + jump, 3, 30);
        outputs.addAll(segmenter.endSession());

        assertThat(inits()).extracting(SegmenterOutput.Init::period).containsExactly(0, 1);
        long firstPeriod = segments().stream().filter(s -> s.period() == 0)
                .mapToLong(SegmenterOutput.SegmentEnd::durationMicros).sum();
        assertThat(firstPeriod + end).isBetween(2_990_000L, 3_040_000L);
        List<FragmentReader.Fragment> secondPeriodFirst = FragmentReader.read(parts().stream()
                .filter(p -> p.period() == 1).findFirst().orElseThrow().bytes(), FragmentReader.Limits.DEFAULTS);
        long videoStart = secondPeriodFirst.getFirst().runs().stream().filter(r -> r.kind() == TrackKind.VIDEO)
                .findFirst().orElseThrow().baseDecodeTime();
        assertThat(videoStart).as("the second period starts where the first ended, not at its timestamps")
                .isBetween(3_000L * 90 - 3000, 3_040L * 90);
    }

    @Test
    void aSmallForwardGapIsNoDiscontinuity() {
        CmafSegmenter segmenter = started(VIDEO, AUDIO);
        feedAv(segmenter, 0, 2, 30);
        feedAv(segmenter, 2000 + 9_000, 2, 30);
        outputs.addAll(segmenter.endSession());

        assertThat(inits()).hasSize(1);
    }

    @Test
    void onlyAConfigurationThatDiffersStartsANewPeriod() {
        CmafSegmenter segmenter = started(VIDEO, AUDIO);
        feedAv(segmenter, 0, 2, 30);
        outputs.addAll(segmenter.configure(VIDEO, ++sequence));
        feedAv(segmenter, 2000, 2, 30);
        assertThat(inits()).hasSize(1);

        outputs.addAll(segmenter.configure(OTHER_VIDEO, ++sequence));
        feedAv(segmenter, 4000, 2, 30);
        outputs.addAll(segmenter.endSession());

        assertThat(inits()).hasSize(2);
        assertThat(inits().get(1).tracks()).extracting(TrackConfiguration::fourCc).containsExactly("hvc1", "mp4a");
        assertThat(segments().getLast().period()).isEqualTo(1);
    }

    @Test
    void aNewSessionNeedsItsOwnConfigurationsAndStartsAPeriod() {
        CmafSegmenter segmenter = started(VIDEO, AUDIO);
        feedAv(segmenter, 0, 2, 30);
        outputs.addAll(segmenter.endSession());
        sequence = 0;

        assertThatThrownBy(() -> segmenter.frame(video(true), 0, 1)).isInstanceOf(MediaFormatException.class);
        outputs.addAll(segmenter.configure(VIDEO, ++sequence));
        outputs.addAll(segmenter.configure(AUDIO, ++sequence));
        feedAv(segmenter, 0, 2, 30);
        outputs.addAll(segmenter.endSession());

        assertThat(inits()).extracting(SegmenterOutput.Init::period).containsExactly(0, 1);
        assertThat(segments().getFirst().period()).isZero();
        assertThat(segments().getLast().period()).isEqualTo(1);
    }

    @Test
    void aFrameBeforeAnyConfigurationIsRefused() {
        CmafSegmenter segmenter = started(AUDIO);

        assertThatThrownBy(() -> segmenter.frame(video(true), 0, 9)).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("VIDEO frame before any VIDEO configuration");
    }

    @Test
    void flushStoresWhatIsHeldBackAndKeepsTheSegmentOpen() {
        CmafSegmenter segmenter = started(VIDEO, AUDIO);
        feedAv(segmenter, 0, 1, 30);
        int before = parts().size();

        outputs.addAll(segmenter.flush());

        assertThat(parts()).hasSize(before + 1);
        assertThat(segments()).isEmpty();
        assertThat(parts().getLast().checkpoint().writtenThrough(TrackKind.VIDEO)).isEqualTo(sequence);
        feedAv(segmenter, 1000, 1, 30);
        outputs.addAll(segmenter.endSession());
        assertThat(segments()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} samples")
    @ValueSource(ints = {3, 4, 5})
    void aPartHoldsAtMostMaxPartSamples(int frames) {
        CmafSegmenter segmenter = CmafSegmenter.start(new SegmenterSettings(2000, 333, 10_000, 4, 48 << 20));
        segmenter.configure(AUDIO, ++sequence);
        for (int i = 0; i < frames + 1; i++) {
            outputs.addAll(segmenter.frame(audio(), 0, ++sequence));
        }
        assertThat(parts()).hasSize(frames > 4 ? 1 : 0);
        outputs.addAll(segmenter.flush());

        assertThat(parts()).allSatisfy(part -> assertThat(FragmentReader.read(part.bytes(),
                FragmentReader.Limits.DEFAULTS).getFirst().runs().getFirst().samples().size()).isLessThanOrEqualTo(4));
        assertThat(parts().stream().mapToInt(part -> FragmentReader.read(part.bytes(), FragmentReader.Limits.DEFAULTS)
                .getFirst().runs().getFirst().samples().size()).sum()).isEqualTo(frames + 1);
    }

    @Test
    void aFrameLargerThanAPartMayBeIsRefused() {
        int max = 17 << 20;
        CmafSegmenter segmenter = CmafSegmenter.start(new SegmenterSettings(2000, 333, 10_000, 2048, max));
        segmenter.configure(VIDEO, 1);
        int limit = max - 1024;
        byte[] big = new byte[limit + 1];

        segmenter.frame(new MediaUnit.Frame(TrackKind.VIDEO, 0, 0, true, big, 1, limit), 0, 2);
        assertThatThrownBy(() -> segmenter.frame(new MediaUnit.Frame(TrackKind.VIDEO, 0, 0, true, big, 0, limit + 1),
                40, 3)).isInstanceOf(LimitExceededException.class);
        assertThat(segmenter.flush()).hasSize(1);
    }
}
