/**
 * FLV container: the tag model, a bounded push-mode reader ({@link io.sluice.media.flv.FlvReader}), a stream
 * adapter and a writer that reproduces a read file byte for byte. Tag bodies stay opaque here; {@code
 * io.sluice.media.ertmp} parses audio and video bodies.
 */
package io.sluice.media.flv;
