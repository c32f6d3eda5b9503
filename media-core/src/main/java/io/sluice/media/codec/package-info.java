/**
 * Codec configuration parsing: bytes in, typed records out. One sub-package per codec; {@link
 * io.sluice.media.codec.BitReader} and {@link io.sluice.media.codec.Rbsp} are the shared bitstream tools, and
 * {@link io.sluice.media.codec.CodecLimits} bounds every loop over units read off the wire.
 */
package io.sluice.media.codec;
