package io.sluice.media.codec.mp3;

/**
 * An MPEG audio frame header (ISO/IEC 11172-3 2.4.1.3, ISO/IEC 13818-3, and the MPEG 2.5 extension).
 *
 * @param version 1 for MPEG-1, 2 for MPEG-2, 25 for MPEG-2.5
 * @param layer 1, 2 or 3
 * @param bitrateIndex 0 means free format
 */
public record MpegAudioFrameHeader(int version, int layer, int bitrateIndex, int sampleRate, int channelCount) {
}
