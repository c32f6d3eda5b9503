/** VP8: frame tag and key frame size. */
package io.sluice.media.codec.vp8;
