package io.sluice.media.codec;

import static io.sluice.media.testvectors.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.codec.aac.AudioSpecificConfig;
import io.sluice.media.codec.aac.AudioSpecificConfigParser;
import io.sluice.media.codec.aac.SignalledFlag;
import io.sluice.media.codec.avc.AvcSpsParser;
import io.sluice.media.codec.hevc.HevcBitstream;
import io.sluice.media.codec.opus.OpusHeaderParser;
import io.sluice.media.error.MediaFormatException;
import org.junit.jupiter.api.Test;

/** Forms no encoder on this machine produces: HE-AAC signalling, escapes, emulation prevention in an SPS. */
class HandBuiltCodecConfigurationTest {

    @Test
    void heAacWithHierarchicalSignalling() {
        // AOT 5 (SBR), 24 kHz core (index 6), stereo, extension 48 kHz (index 3), then AOT 2.
        AudioSpecificConfig config = AudioSpecificConfigParser.parse(hex("2b 11 88 00"));
        assertThat(config).isEqualTo(new AudioSpecificConfig(2, 24000, 2, 2, 1024, SignalledFlag.PRESENT,
                SignalledFlag.UNSIGNALLED, 48000));
    }

    @Test
    void heAacV2SignalsParametricStereo() {
        // AOT 29 (PS), 24 kHz, mono, extension 48 kHz, then AOT 2.
        AudioSpecificConfig config = AudioSpecificConfigParser.parse(hex("eb 09 88 00"));
        assertThat(config.sbr()).isEqualTo(SignalledFlag.PRESENT);
        assertThat(config.ps()).isEqualTo(SignalledFlag.PRESENT);
        assertThat(config.channelCount()).isEqualTo(1);
    }

    @Test
    void backwardCompatibleSbrSignalling() {
        // AAC LC 24 kHz stereo, then sync extension 0x2B7, AOT 5, sbrPresentFlag 1, 48 kHz.
        AudioSpecificConfig config = AudioSpecificConfigParser.parse(hex("13 10 56 e5 98"));
        assertThat(config.sbr()).isEqualTo(SignalledFlag.PRESENT);
        assertThat(config.extensionSamplingFrequency()).isEqualTo(48000);
    }

    @Test
    void objectTypeEscapeAndExplicitFrequency() {
        // AOT 31 escape + 6 bits 10 = AOT 42; frequency index 15 then 24-bit 44100; channel configuration 1.
        AudioSpecificConfig config = AudioSpecificConfigParser.parse(hex("f9 5e 01 58 88 20"));
        assertThat(config.audioObjectType()).isEqualTo(42);
        assertThat(config.samplingFrequency()).isEqualTo(44100);
        assertThat(config.channelConfiguration()).isEqualTo(1);
    }

    @Test
    void programConfigElementGivesTheChannelCount() {
        // AAC LC 48 kHz, channel configuration 0, GASpecificConfig, then a PCE with one front SCE, one front
        // CPE and one LFE: 4 channels.
        AudioSpecificConfig config = AudioSpecificConfigParser.parse(hex("11 80 04 c8 01 00 01 00 00"));
        assertThat(config.channelConfiguration()).isZero();
        assertThat(config.channelCount()).isEqualTo(4);
    }

    @Test
    void reservedAacValuesAreMalformed() {
        assertThatThrownBy(() -> AudioSpecificConfigParser.parse(hex("16 80"))).hasMessageContaining("samplingFrequencyIndex");
        assertThatThrownBy(() -> AudioSpecificConfigParser.parse(hex("11 c0"))).hasMessageContaining("channelConfiguration");
        assertThatThrownBy(() -> AudioSpecificConfigParser.parse(hex("12"))).isExactlyInstanceOf(MediaFormatException.class);
    }

    @Test
    void spsWithEmulationPreventionParses() {
        // Baseline 1920x1080 SPS as x264 writes it; the 00 00 03 sequence must be unescaped.
        var sps = AvcSpsParser.parse(hex("67 42 c0 28 d9 00 78 02 27 e5 84 00 00 03 00 04 00 00 03 00 f0 3c 60 c9 20"));
        assertThat(sps.width()).isEqualTo(1920);
        assertThat(sps.height()).isEqualTo(1080);
        assertThat(sps.profileIdc()).isEqualTo(66);
        assertThat(sps.constraintFlags()).isEqualTo(0xC0);
        assertThat(sps.levelIdc()).isEqualTo(40);
    }

    @Test
    void notAnSpsIsMalformed() {
        assertThatThrownBy(() -> AvcSpsParser.parse(hex("68 ce 38 80"))).hasMessageContaining("not an SPS");
    }

    @Test
    void hevcIrapTypesAreKeyFrames() {
        // nal_unit_type 19 (IDR_W_RADL) and 21 (CRA) are IRAP; 1 (TRAIL_R) is not.
        assertThat(HevcBitstream.containsIrap(hex("00000002 2601"), 0, 6, 4, CodecLimits.DEFAULTS)).isTrue();
        assertThat(HevcBitstream.containsIrap(hex("00000002 2a01"), 0, 6, 4, CodecLimits.DEFAULTS)).isTrue();
        assertThat(HevcBitstream.containsIrap(hex("00000002 0201"), 0, 6, 4, CodecLimits.DEFAULTS)).isFalse();
    }

    @Test
    void opusRejectsWhatRfc7845Forbids() {
        assertThatThrownBy(() -> OpusHeaderParser.parseOpusHead(hex("'OpusHead' 01 03 3801 80bb0000 0000 00")))
                .hasMessageContaining("family 0");
        assertThatThrownBy(() -> OpusHeaderParser.parseOpusHead(hex("'OpusHeaX' 01 02 3801 80bb0000 0000 00")))
                .hasMessageContaining("magic");
        assertThatThrownBy(() -> OpusHeaderParser.parseDOps(hex("00 06 0138 0000bb80 0000 01 03 04 000102")))
                .hasMessageContaining("stream counts");
    }
}
