package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Free text from the wire loses control and invisible characters and is capped, at N-1, N and N+1. */
class WireTextTest {

    @Test
    void controlAndFormatCharactersAndLoneSurrogatesAreDropped() {
        assertThat(WireText.clean("FMLE/3.0\u0000 (obs\r\nERROR forged line\t)\u007f\u0085", 256))
                .isEqualTo("FMLE/3.0 (obsERROR forged line)");
        assertThat(WireText.clean("abc\u202Eevil\u200B\uFEFF", 256)).as("a right-to-left override, zero-width characters")
                .isEqualTo("abcevil");
        assertThat(WireText.clean("x\uD800y", 256)).as("a lone surrogate").isEqualTo("xy");
        assertThat(WireText.clean("Lavf ✓ 𝄞 é", 256)).as("printable text of any script stays").isEqualTo("Lavf ✓ 𝄞 é");
        assertThat(WireText.clean(null, 256)).isNull();
    }

    @Test
    void theLengthIsCappedAtTheLimit() {
        assertThat(WireText.clean("a".repeat(9), 10)).as("N - 1").hasSize(9);
        assertThat(WireText.clean("a".repeat(10), 10)).as("N").hasSize(10);
        assertThat(WireText.clean("a".repeat(11), 10)).as("N + 1").isEqualTo("a".repeat(10));
        assertThat(WireText.clean("\u0000".repeat(20) + "a".repeat(10), 10)).as("dropped characters do not count")
                .isEqualTo("a".repeat(10));
        assertThat(WireText.clean("a".repeat(9) + "𝄞", 10)).as("a character is never cut in half").isEqualTo("a".repeat(9));
    }
}
