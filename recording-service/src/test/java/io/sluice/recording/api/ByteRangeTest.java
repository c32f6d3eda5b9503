package io.sluice.recording.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte ranges of a 1000-byte file (RFC 9110 14.1.2), at the file's edges and one past them. */
class ByteRangeTest {

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("bytes=0-99", Optional.of(new ByteRange(0, 99))),
                Arguments.of("bytes=998-999", Optional.of(new ByteRange(998, 999))),
                Arguments.of("bytes=999-999", Optional.of(new ByteRange(999, 999))),
                Arguments.of("bytes=999-5000", Optional.of(new ByteRange(999, 999))),
                Arguments.of("bytes=100-", Optional.of(new ByteRange(100, 999))),
                Arguments.of("bytes=-1", Optional.of(new ByteRange(999, 999))),
                Arguments.of("bytes=-1000", Optional.of(new ByteRange(0, 999))),
                Arguments.of("bytes=-1001", Optional.of(new ByteRange(0, 999))),
                Arguments.of("bytes=0-1,5-6", Optional.empty()),
                Arguments.of("items=0-1", Optional.empty()),
                Arguments.of("bytes=-", Optional.empty()),
                Arguments.of(null, Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void rangesOfTheFile(String header, Optional<ByteRange> expected) {
        assertThat(ByteRange.parse(header, 1000)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=5-4", "bytes=-0"})
    void rangesOutsideTheFileCannotBeSatisfied(String header) {
        assertThatThrownBy(() -> ByteRange.parse(header, 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
