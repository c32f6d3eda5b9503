package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.ertmp.KeyframeDetector;
import io.sluice.media.ertmp.TagBodyLimits;
import io.sluice.media.ertmp.TagBodyParser;
import io.sluice.media.flv.FlvElement;
import io.sluice.media.flv.FlvLimits;
import io.sluice.media.flv.FlvReader;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.testkit.TestMedia;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stats read large coded frames from their first bytes only; over clips from real encoders they must
 * learn what a parse of every whole body learns: the codec, the picture size and which frames are keyframes.
 */
class StreamCodecsTest {

    private static final TagBodyParser WHOLE = new TagBodyParser(TagBodyLimits.DEFAULTS);

    @ParameterizedTest
    @CsvSource({
        "codec-h264-aac.flv, avc1, 426, 240",
        "testsrc-320x240-3s.flv, avc1, 320, 240",
        "ertmp-hevc-aac.flv, hvc1, 426, 240",
        "ertmp-av1.flv, av01, 426, 240",
        "ertmp-vp9.flv, vp09, 426, 240",
    })
    void learnsWhatAWholeParseLearns(String clip, String codec, int width, int height) throws Exception {
        List<byte[]> bodies = videoBodies(clip);
        assertThat(bodies).anyMatch(body -> body.length > StreamCodecs.VIDEO_HEADER_BYTES * 4);
        StreamCodecs codecs = new StreamCodecs();
        int keyframes = 0;
        for (byte[] body : bodies) {
            boolean keyframe = KeyframeDetector.containerSaysKeyFrame(WHOLE.parseVideo(body));
            assertThat(codecs.onVideo(body)).as("keyframe flag of a %d-byte tag", body.length).isEqualTo(keyframe);
            keyframes += keyframe ? 1 : 0;
        }
        assertThat(keyframes).isPositive();
        assertThat(codecs.videoCodec()).isEqualTo(codec);
        assertThat(codecs.width()).isEqualTo(width);
        assertThat(codecs.height()).isEqualTo(height);
    }

    private static List<byte[]> videoBodies(String clip) throws Exception {
        FlvReader reader = new FlvReader(FlvLimits.DEFAULTS);
        reader.feed(Files.readAllBytes(TestMedia.file(clip)));
        List<byte[]> bodies = new ArrayList<>();
        for (Optional<FlvElement> next = reader.next(); next.isPresent(); next = reader.next()) {
            if (next.get() instanceof FlvTag tag && tag.type() == FlvTagType.VIDEO) {
                bodies.add(tag.body().toByteArray());
            }
        }
        reader.finish();
        return bodies;
    }
}
