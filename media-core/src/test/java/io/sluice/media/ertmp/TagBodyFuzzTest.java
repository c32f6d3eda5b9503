package io.sluice.media.ertmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.error.MediaFormatException;

/**
 * Fuzzes the tag body parser. Only {@link MediaFormatException} (limits included) may escape, and whatever parses
 * must be produced back to the same bytes and parse to an equal record.
 */
class TagBodyFuzzTest {

    private static final TagBodyParser PARSER = new TagBodyParser(new TagBodyLimits(8, 4));

    @FuzzTest
    void videoTagBody(byte[] body) {
        VideoTag tag;
        try {
            tag = PARSER.parseVideo(body);
        } catch (MediaFormatException expected) {
            return;
        }
        byte[] produced = TagBodyWriter.encode(tag);
        assertThat(produced).isEqualTo(body);
        assertThat(PARSER.parseVideo(produced)).isEqualTo(tag);
    }

    @FuzzTest
    void audioTagBody(byte[] body) {
        AudioTag tag;
        try {
            tag = PARSER.parseAudio(body);
        } catch (MediaFormatException expected) {
            return;
        }
        byte[] produced = TagBodyWriter.encode(tag);
        assertThat(produced).isEqualTo(body);
        assertThat(PARSER.parseAudio(produced)).isEqualTo(tag);
    }
}
