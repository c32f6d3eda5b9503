package io.sluice.recording.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A recording's life in one table: recording, then ready or failed, then deleted; nothing comes back. */
class RecordingStatusTest {

    static Stream<Arguments> moves() {
        return Stream.of(
                Arguments.of(RecordingStatus.RECORDING, RecordingStatus.RECORDING, false),
                Arguments.of(RecordingStatus.RECORDING, RecordingStatus.READY, true),
                Arguments.of(RecordingStatus.RECORDING, RecordingStatus.FAILED, true),
                Arguments.of(RecordingStatus.RECORDING, RecordingStatus.DELETED, true),
                Arguments.of(RecordingStatus.READY, RecordingStatus.RECORDING, false),
                Arguments.of(RecordingStatus.READY, RecordingStatus.FAILED, false),
                Arguments.of(RecordingStatus.READY, RecordingStatus.DELETED, true),
                Arguments.of(RecordingStatus.FAILED, RecordingStatus.READY, false),
                Arguments.of(RecordingStatus.FAILED, RecordingStatus.DELETED, true),
                Arguments.of(RecordingStatus.DELETED, RecordingStatus.RECORDING, false),
                Arguments.of(RecordingStatus.DELETED, RecordingStatus.READY, false),
                Arguments.of(RecordingStatus.DELETED, RecordingStatus.DELETED, false));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("moves")
    void onlyTheseMovesAreAllowed(RecordingStatus from, RecordingStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moves")
    void wireNamesReadBack(RecordingStatus status, RecordingStatus ignored, boolean also) {
        assertThat(RecordingStatus.fromWireName(status.wireName())).contains(status);
    }
}
