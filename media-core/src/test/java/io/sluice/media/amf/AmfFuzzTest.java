package io.sluice.media.amf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.error.MediaFormatException;
import java.util.List;

/**
 * Fuzzes the AMF readers: any input either decodes or fails with {@link MediaFormatException}, and what
 * decodes survives encoding and decoding again unchanged. Run as fuzzers per media-core/FUZZING.md; in a
 * normal build the inputs under {@code AmfFuzzTestInputs/} are replayed.
 */
class AmfFuzzTest {

    private static final AmfLimits LIMITS = new AmfLimits(16, 4096, 512, 64, 8192);
    /** Re-decoding gets more room: invalid UTF-8 comes back three times longer as U+FFFD. */
    private static final AmfLimits ROUND_TRIP = new AmfLimits(16, 3 * 4096, 512, 64, 8192);

    @FuzzTest
    void amf0(byte[] input) {
        List<Amf0Value> values;
        try {
            values = new Amf0Reader(input, LIMITS).readAll();
        } catch (MediaFormatException expected) {
            return;
        }
        assertThat(new Amf0Reader(Amf0Writer.encode(values), ROUND_TRIP).readAll()).isEqualTo(values);
    }

    @FuzzTest
    void amf3(byte[] input) {
        List<Amf3Value> values;
        try {
            values = new Amf3Reader(input, LIMITS).readAll();
        } catch (MediaFormatException expected) {
            return;
        }
        assertThat(new Amf3Reader(Amf3Writer.encode(values), ROUND_TRIP).readAll()).isEqualTo(values);
    }
}
