package io.sluice.media.codec.aac;

import io.sluice.media.codec.BitReader;
import io.sluice.media.error.MediaFormatException;

/**
 * Parses an AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1), including the escape for object types above 30,
 * explicit sampling frequencies, hierarchical SBR/PS signalling (object types 5 and 29), the GASpecificConfig
 * with a program config element when the channel configuration is 0, and backward-compatible SBR/PS signalling
 * through the sync extensions 0x2B7 and 0x548 (1.6.5.2).
 */
public final class AudioSpecificConfigParser {

    private static final int[] SAMPLING_FREQUENCIES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050,
        16000, 12000, 11025, 8000, 7350};
    private static final int EXPLICIT_FREQUENCY = 0x0F;
    /** Table 1.19: channels per channelConfiguration; -1 marks reserved values. */
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8, -1, -1, -1, 7, 8, 24, 8, -1};
    private static final int AOT_ESCAPE = 31;
    private static final int AOT_ER_BSAC = 22;
    private static final int SYNC_EXTENSION_SBR = 0x2B7;
    private static final int SYNC_EXTENSION_PS = 0x548;

    private AudioSpecificConfigParser() {
    }

    /** Parses {@code data}. */
    public static AudioSpecificConfig parse(byte[] data) {
        var in = new BitReader(data);
        int objectType = objectType(in);
        int frequency = samplingFrequency(in);
        int channelConfiguration = in.bitsInt(4);
        SignalledFlag sbr = SignalledFlag.UNSIGNALLED;
        SignalledFlag ps = SignalledFlag.UNSIGNALLED;
        int extensionObjectType = 0;
        int extensionFrequency = 0;
        if (objectType == AudioSpecificConfig.AOT_SBR || objectType == AudioSpecificConfig.AOT_PS) {
            extensionObjectType = AudioSpecificConfig.AOT_SBR;
            sbr = SignalledFlag.PRESENT;
            if (objectType == AudioSpecificConfig.AOT_PS) {
                ps = SignalledFlag.PRESENT;
            }
            extensionFrequency = samplingFrequency(in);
            objectType = objectType(in);
            if (objectType == AOT_ER_BSAC) {
                in.skip(4);
            }
        }
        int channels = CHANNELS[channelConfiguration];
        if (channels < 0) {
            throw new MediaFormatException("reserved channelConfiguration " + channelConfiguration);
        }
        int frameLength = 1024;
        if (isGeneralAudio(objectType)) {
            frameLength = in.flag() ? 960 : 1024;
            if (in.flag()) {
                in.skip(14);
            }
            boolean extensionFlag = in.flag();
            if (channelConfiguration == 0) {
                channels = ProgramConfigElement.channelCount(in);
            }
            if (objectType == 6 || objectType == 20) {
                in.skip(3);
            }
            if (extensionFlag) {
                if (objectType == AOT_ER_BSAC) {
                    in.skip(5 + 11);
                }
                if (objectType == 17 || objectType == 19 || objectType == 20 || objectType == 23) {
                    in.skip(3);
                }
                in.skip(1);
            }
            if (extensionObjectType != AudioSpecificConfig.AOT_SBR && in.bitsLeft() >= 16
                    && in.bits(11) == SYNC_EXTENSION_SBR) {
                // 1.6.5.2 backward-compatible signalling: an explicit "SBR present" or "SBR absent".
                if (objectType(in) == AudioSpecificConfig.AOT_SBR) {
                    sbr = in.flag() ? SignalledFlag.PRESENT : SignalledFlag.ABSENT;
                    if (sbr == SignalledFlag.PRESENT) {
                        extensionFrequency = samplingFrequency(in);
                        if (in.bitsLeft() >= 12 && in.bits(11) == SYNC_EXTENSION_PS) {
                            ps = in.flag() ? SignalledFlag.PRESENT : SignalledFlag.ABSENT;
                        }
                    }
                }
            }
        }
        return new AudioSpecificConfig(objectType, frequency, channelConfiguration, channels, frameLength, sbr, ps,
                extensionFrequency);
    }

    /** Object types that use GASpecificConfig (1.6.2.1, the switch on audioObjectType). */
    private static boolean isGeneralAudio(int objectType) {
        return switch (objectType) {
            case 1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23 -> true;
            default -> false;
        };
    }

    private static int objectType(BitReader in) {
        int type = in.bitsInt(5);
        return type == AOT_ESCAPE ? 32 + in.bitsInt(6) : type;
    }

    private static int samplingFrequency(BitReader in) {
        int index = in.bitsInt(4);
        if (index == EXPLICIT_FREQUENCY) {
            int frequency = in.bitsInt(24);
            if (frequency == 0) {
                throw new MediaFormatException("explicit sampling frequency 0");
            }
            return frequency;
        }
        if (index >= SAMPLING_FREQUENCIES.length) {
            throw new MediaFormatException("reserved samplingFrequencyIndex " + index);
        }
        return SAMPLING_FREQUENCIES[index];
    }
}
