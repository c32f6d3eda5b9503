package io.sluice.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

    private static Options pace(String... args) {
        return Options.parse(args).declare("pace", "realtime", "realtime or max");
    }

    @Test
    void aTwoWayOptionIsOneValueOrTheOther() {
        assertThat(pace().either("pace", "realtime", "max")).isTrue();
        assertThat(pace("--pace", "max").either("pace", "realtime", "max")).isFalse();
    }

    @Test
    void aTwoWayOptionRefusesAnyOtherValue() {
        assertThatThrownBy(() -> pace("--pace", "fast").either("pace", "realtime", "max"))
                .isInstanceOf(Options.UsageException.class).hasMessage("--pace is realtime or max, not fast");
    }
}
