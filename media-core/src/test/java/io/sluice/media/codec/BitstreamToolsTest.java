package io.sluice.media.codec;

import static io.sluice.media.testvectors.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.error.MediaFormatException;
import org.junit.jupiter.api.Test;

class BitstreamToolsTest {

    @Test
    void readsBitsAndExpGolombCodes() {
        // 1 | 010 | 011 | 00100 | 00101 -> ue 0, 1, 2, 3, 4
        var in = new BitReader(hex("a6 42 80"));
        assertThat(in.ue()).isZero();
        assertThat(in.ue()).isEqualTo(1);
        assertThat(in.ue()).isEqualTo(2);
        assertThat(in.ue()).isEqualTo(3);
        assertThat(in.ue()).isEqualTo(4);
        var signed = new BitReader(hex("4c 80"));
        // 010 -> se +1, 011 -> se -1, 00100 -> se +2
        assertThat(signed.se()).isEqualTo(1);
        assertThat(signed.se()).isEqualTo(-1);
        assertThat(signed.se()).isEqualTo(2);
    }

    @Test
    void runningOffTheEndIsMalformedInput() {
        var in = new BitReader(hex("ff"));
        in.bits(7);
        assertThatThrownBy(() -> in.bits(2)).isExactlyInstanceOf(MediaFormatException.class);
        assertThatThrownBy(() -> new BitReader(hex("00 00")).ue()).isExactlyInstanceOf(MediaFormatException.class);
    }

    @Test
    void exponentialGolombLongerThan32BitsIsRefused() {
        assertThatThrownBy(() -> new BitReader(hex("00 00 00 00 ff ff ff ff ff")).ue())
                .hasMessageContaining("longer than 32 bits");
        assertThat(new BitReader(hex("00 00 00 01 ff ff ff fe")).ue()).isEqualTo(0xFFFF_FFFEL);
    }

    @Test
    void uvlcSaturatesAt32LeadingZeros() {
        assertThat(new BitReader(hex("00 00 00 00 80")).uvlc()).isEqualTo(0xFFFF_FFFFL);
        assertThat(new BitReader(hex("20")).uvlc()).isEqualTo(3);
    }

    @Test
    void emulationPreventionBytesAreRemoved() {
        assertThat(Rbsp.unescape(hex("00 00 03 01 00 00 03 00 03"), 0, 9)).isEqualTo(hex("00 00 01 00 00 00 03"));
        assertThat(Rbsp.unescape(hex("67 00 00 03"), 1, 3)).isEqualTo(hex("00 00"));
    }

    @Test
    void byteCursorChecksEveryRead() {
        var in = new ByteCursor(hex("ff ff fe 01"));
        assertThat(in.s24()).isEqualTo(-2);
        assertThatThrownBy(in::u16).isExactlyInstanceOf(MediaFormatException.class);
        assertThatThrownBy(() -> in.bytes(-1)).isExactlyInstanceOf(MediaFormatException.class);
    }

    @Test
    void immutableBytesCompareByContent() {
        assertThat(ImmutableBytes.copyOf(hex("0102"))).isEqualTo(ImmutableBytes.copyOf(hex("000102"), 1, 2))
                .hasSameHashCodeAs(ImmutableBytes.copyOf(hex("0102")))
                .hasToString("2 bytes [0102]");
    }
}
