package io.sluice.media.codec;

import static io.sluice.media.testvectors.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.codec.av1.Av1Bitstream;
import io.sluice.media.codec.avc.AvcBitstream;
import io.sluice.media.codec.avc.AvcConfigurationParser;
import io.sluice.media.codec.hevc.HevcConfigurationParser;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.io.ByteArrayOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every codec limit at N-1, N and N+1, with N = 3. */
class CodecLimitsTest {

    private static final int N = 3;

    static Stream<Arguments> aroundTheLimit() {
        return Stream.of(Arguments.of(N - 1, true), Arguments.of(N, true), Arguments.of(N + 1, false));
    }

    @ParameterizedTest
    @MethodSource("aroundTheLimit")
    void maxNalUnits(int count, boolean accepted) {
        var sample = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            sample.writeBytes(hex("00000001 41"));
        }
        byte[] bytes = sample.toByteArray();
        var limits = new CodecLimits(N, 100, 10, 10);
        check(accepted, "max_nal_units", () -> AvcBitstream.containsIdr(bytes, 0, bytes.length, 4, limits));
    }

    @ParameterizedTest
    @MethodSource("aroundTheLimit")
    void maxNalUnitSize(int size, boolean accepted) {
        var sample = new ByteArrayOutputStream();
        sample.writeBytes(new byte[] {0, 0, 0, (byte) size});
        sample.writeBytes(new byte[size]);
        byte[] bytes = sample.toByteArray();
        var limits = new CodecLimits(10, N, 10, 10);
        check(accepted, "max_nal_unit_size", () -> AvcBitstream.containsIdr(bytes, 0, bytes.length, 4, limits));
    }

    @ParameterizedTest
    @MethodSource("aroundTheLimit")
    void maxParameterSets(int count, boolean accepted) {
        var avcC = new ByteArrayOutputStream();
        avcC.writeBytes(hex("01 42c01e ff"));
        avcC.write(0xE0 | count);
        for (int i = 0; i < count; i++) {
            avcC.writeBytes(hex("0001 67"));
        }
        avcC.write(0);
        byte[] avc = avcC.toByteArray();
        var hvcC = new ByteArrayOutputStream();
        hvcC.writeBytes(hex("01 01 60000000 900000000000 3c f000 fc fd f8 f8 0000 0f"));
        hvcC.write(count);
        for (int i = 0; i < count; i++) {
            hvcC.writeBytes(hex("a0 0000"));
        }
        byte[] hevc = hvcC.toByteArray();
        var limits = new CodecLimits(10, 100, N, 10);
        check(accepted, "max_parameter_sets", () -> AvcConfigurationParser.parse(avc, limits));
        check(accepted, "max_parameter_sets", () -> HevcConfigurationParser.parse(hevc, limits));
    }

    @ParameterizedTest
    @MethodSource("aroundTheLimit")
    void maxObus(int count, boolean accepted) {
        var unit = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            unit.writeBytes(hex("12 00"));
        }
        byte[] bytes = unit.toByteArray();
        var limits = new CodecLimits(10, 100, 10, N);
        check(accepted, "max_obus", () -> Av1Bitstream.containsKeyFrame(bytes, 0, bytes.length, limits));
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new CodecLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodecLimits(1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nalUnitLengthBeyondTheSampleIsMalformed() {
        assertThatThrownBy(() -> AvcBitstream.containsIdr(hex("00000005 65"), 0, 5, 4, CodecLimits.DEFAULTS))
                .isExactlyInstanceOf(MediaFormatException.class);
        assertThatThrownBy(() -> AvcBitstream.containsIdr(hex("00 65"), 0, 2, 3, CodecLimits.DEFAULTS))
                .hasMessageContaining("length size");
    }

    private static void check(boolean accepted, String limitName, Runnable parse) {
        if (accepted) {
            parse.run();
        } else {
            assertThatThrownBy(parse::run).isInstanceOfSatisfying(LimitExceededException.class, e -> {
                assertThat(e.limitName()).isEqualTo(limitName);
                assertThat(e.limit()).isEqualTo(N);
                assertThat(e.actual()).isEqualTo(N + 1);
            });
        }
    }
}
