package io.sluice.media.codec.flac;

import io.sluice.media.codec.ImmutableBytes;

/**
 * The FLAC STREAMINFO metadata block (FLAC format, METADATA_BLOCK_STREAMINFO).
 *
 * @param totalSamples samples per channel in the stream, 0 when unknown (always for live streams)
 * @param md5 MD5 of the unencoded audio, all zero when unknown
 */
public record FlacStreamInfo(int minBlockSize, int maxBlockSize, int minFrameSize, int maxFrameSize,
        int sampleRate, int channels, int bitsPerSample, long totalSamples, ImmutableBytes md5) {
}
