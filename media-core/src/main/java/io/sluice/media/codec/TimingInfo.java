package io.sluice.media.codec;

/**
 * VUI timing (H.264 E.2.1): one tick lasts {@code numUnitsInTick / timeScale} seconds. For progressive H.264
 * video a frame usually spans two ticks, so the frame rate is {@code timeScale / (2 * numUnitsInTick)}.
 */
public record TimingInfo(long numUnitsInTick, long timeScale, boolean fixedFrameRate) {
}
