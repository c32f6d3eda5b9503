package io.sluice.media.flv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sluice.media.error.MediaFormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes the FLV reader in push mode. Only {@link MediaFormatException} may escape; a stream that reads cleanly to
 * the end must be written back to the same bytes, and reading it in two pieces must give the same elements.
 */
class FlvReaderFuzzTest {

    private static final FlvLimits LIMITS = new FlvLimits(64 * 1024, 64, 4 * 1024 * 1024);

    @FuzzTest
    void readFlv(byte[] input) {
        List<FlvElement> elements = new ArrayList<>();
        try {
            var reader = new FlvReader(LIMITS);
            reader.feed(input);
            drain(reader, elements);
            reader.finish();
        } catch (MediaFormatException expected) {
            return;
        }
        var out = new ByteArrayOutputStream();
        for (FlvElement element : elements) {
            out.writeBytes(switch (element) {
                case FlvHeader header -> FlvWriter.encode(header);
                case FlvTag tag -> FlvWriter.encode(tag);
            });
        }
        assertThat(out.toByteArray()).isEqualTo(input);

        var split = new FlvReader(LIMITS);
        List<FlvElement> again = new ArrayList<>();
        int half = input.length / 2;
        split.feed(input, 0, half);
        drain(split, again);
        split.feed(input, half, input.length - half);
        drain(split, again);
        split.finish();
        assertThat(again).isEqualTo(elements);
    }

    private static void drain(FlvReader reader, List<FlvElement> into) {
        for (Optional<FlvElement> e = reader.next(); e.isPresent(); e = reader.next()) {
            into.add(e.get());
        }
    }
}
