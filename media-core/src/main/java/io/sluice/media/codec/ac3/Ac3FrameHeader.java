package io.sluice.media.codec.ac3;

/**
 * The start of an AC-3 or E-AC-3 sync frame (ATSC A/52 5.3 and Annex E 2.3).
 *
 * @param enhanced E-AC-3 (bsid 11..16) rather than AC-3 (bsid up to 10)
 * @param audioCodingMode acmod: 0 dual mono, 1 mono, 2 stereo, up to 7 (3/2)
 * @param channelCount full-bandwidth channels plus the LFE channel
 */
public record Ac3FrameHeader(boolean enhanced, int bitstreamId, int sampleRate, int audioCodingMode,
        boolean lfe, int channelCount) {
}
