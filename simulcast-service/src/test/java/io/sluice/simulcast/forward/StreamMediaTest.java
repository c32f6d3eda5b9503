package io.sluice.simulcast.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a stream keeps for targets that start: headers, the current GOP, and the session from its first keyframe. */
class StreamMediaTest {

    private static Tag video(long timestamp, boolean key) {
        return new Tag(Tag.Kind.VIDEO, timestamp, new byte[] {(byte) (key ? 0x17 : 0x27), 0x01, 0, 0, 0, 9});
    }

    @Test
    void keepsTheCurrentGopAndTheSessionFromItsFirstKeyframe() {
        StreamMedia media = new StreamMedia(1 << 20);
        media.add(new Tag(Tag.Kind.AUDIO, 0, new byte[] {(byte) 0xAF, 0x01, 1}));
        media.add(new Tag(Tag.Kind.VIDEO, 0, new byte[] {0x17, 0x00, 0, 0, 0}));
        media.add(video(10, true));
        media.add(video(50, false));
        media.add(video(1000, true));
        media.add(video(1040, false));

        assertThat(media.headers()).hasSize(1);
        assertThat(media.gop()).extracting(Tag::timestamp).containsExactly(1000L, 1040L);
        assertThat(media.fromSessionStart()).extracting(Tag::timestamp).containsExactly(10L, 50L, 1000L, 1040L);
    }

    @Test
    void aGopOverTheBoundIsNotKept() {
        StreamMedia media = new StreamMedia(10);
        media.add(video(0, true));
        media.add(video(40, false));
        assertThat(media.gop()).isEmpty();
        assertThat(media.fromSessionStart()).isEmpty();
        media.add(video(80, true));
        assertThat(media.gop()).hasSize(1);
        assertThat(media.fromSessionStart()).as("the session's start is gone for good").hasSize(1);
    }

    @Test
    void enhancedCodecsAreNamedByTheirFourCc() {
        StreamMedia media = new StreamMedia(1 << 20);
        byte[] hevcStart = {(byte) 0x90, 'h', 'v', 'c', '1', 1, 2};
        media.add(new Tag(Tag.Kind.VIDEO, 0, hevcStart));
        assertThat(media.videoFourCc()).contains("hvc1");
        assertThat(media.audioFourCc()).isEmpty();
    }

    @Test
    void setDataFrameIsTakenOffMetadata() {
        byte[] body = "\u0002\u0000\r@setDataFrame\u0002\u0000\nonMetaData".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new String(TagBodies.withoutSetDataFrame(body), StandardCharsets.ISO_8859_1))
                .isEqualTo("\u0002\u0000\nonMetaData");
        byte[] plain = "\u0002\u0000\nonMetaData".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TagBodies.withoutSetDataFrame(plain)).isSameAs(plain);
    }
}
