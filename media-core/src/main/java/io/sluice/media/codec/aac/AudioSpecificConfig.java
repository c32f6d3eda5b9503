package io.sluice.media.codec.aac;

/**
 * AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1): what an FLV AAC sequence header and an E-RTMP {@code mp4a}
 * SequenceStart carry.
 *
 * @param audioObjectType the core object type (2 = AAC LC), after hierarchical SBR/PS signalling is resolved
 * @param samplingFrequency the core sampling frequency in Hz
 * @param channelConfiguration 0 means the channels come from a program config element
 * @param channelCount output channels, from the configuration or the program config element
 * @param frameLength samples per frame: 1024 or 960 (GASpecificConfig frameLengthFlag)
 * @param sbr spectral band replication (HE-AAC) as signalled
 * @param ps parametric stereo (HE-AAC v2) as signalled
 * @param extensionSamplingFrequency the SBR output rate in Hz, or 0 when no SBR rate is signalled
 */
public record AudioSpecificConfig(
        int audioObjectType,
        int samplingFrequency,
        int channelConfiguration,
        int channelCount,
        int frameLength,
        SignalledFlag sbr,
        SignalledFlag ps,
        int extensionSamplingFrequency) {

    /** AAC LC. */
    public static final int AOT_AAC_LC = 2;
    /** SBR, the HE-AAC extension. */
    public static final int AOT_SBR = 5;
    /** Parametric stereo, the HE-AAC v2 extension. */
    public static final int AOT_PS = 29;
}
