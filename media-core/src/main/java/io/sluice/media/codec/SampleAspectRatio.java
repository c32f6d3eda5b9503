package io.sluice.media.codec;

/**
 * Sample (pixel) aspect ratio from the video usability information, for example 1:1 or 4:3. Zero in either
 * field means "unspecified" (H.264 E.2.1, H.265 E.3.1).
 */
public record SampleAspectRatio(int width, int height) {
}
