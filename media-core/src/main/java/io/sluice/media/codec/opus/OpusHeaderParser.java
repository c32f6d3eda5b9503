package io.sluice.media.codec.opus;

import io.sluice.media.codec.ByteCursor;
import io.sluice.media.error.MediaFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Parses an {@code OpusHead} packet (RFC 7845 5.1, little-endian, with magic) or a {@code dOps} box payload (Opus
 * in ISOBMFF 4.3.2, big-endian, version 0).
 */
public final class OpusHeaderParser {

    private static final byte[] MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    /** RFC 7845 5.1: a version with major number 0 (0..15) is compatible. */
    private static final int MAX_COMPATIBLE_VERSION = 15;

    private OpusHeaderParser() {
    }

    /** Parses an Ogg {@code OpusHead} identification header. */
    public static OpusHeader parseOpusHead(byte[] data) {
        var in = new ByteCursor(data);
        in.require(MAGIC.length);
        if (!Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new MediaFormatException("OpusHead magic missing");
        }
        in.skip(MAGIC.length);
        int version = in.u8();
        if (version == 0 || version > MAX_COMPATIBLE_VERSION) {
            throw new MediaFormatException("unsupported OpusHead version " + version);
        }
        int channels = in.u8();
        int preSkip = Short.toUnsignedInt(Short.reverseBytes((short) in.u16()));
        long rate = Integer.toUnsignedLong(Integer.reverseBytes(in.u32()));
        int gain = Short.reverseBytes((short) in.u16());
        return finish(in, version, channels, preSkip, rate, gain);
    }

    /** Parses a {@code dOps} box payload. */
    public static OpusHeader parseDOps(byte[] data) {
        var in = new ByteCursor(data);
        int version = in.u8();
        if (version != 0) {
            throw new MediaFormatException("dOps version must be 0, was " + version);
        }
        int channels = in.u8();
        int preSkip = in.u16();
        long rate = Integer.toUnsignedLong(in.u32());
        int gain = (short) in.u16();
        return finish(in, version, channels, preSkip, rate, gain);
    }

    private static OpusHeader finish(ByteCursor in, int version, int channels, int preSkip, long rate, int gain) {
        if (channels == 0) {
            throw new MediaFormatException("Opus channel count 0");
        }
        int family = in.u8();
        if (family == 0) {
            if (channels > 2) {
                throw new MediaFormatException("Opus mapping family 0 allows 1 or 2 channels, not " + channels);
            }
            return new OpusHeader(version, channels, preSkip, rate, gain, family, Optional.empty());
        }
        int streams = in.u8();
        int coupled = in.u8();
        if (streams == 0 || coupled > streams || streams + coupled > 255) {
            throw new MediaFormatException("invalid Opus stream counts " + streams + "/" + coupled);
        }
        var mapping = new OpusHeader.ChannelMapping(streams, coupled, in.bytes(channels));
        return new OpusHeader(version, channels, preSkip, rate, gain, family, Optional.of(mapping));
    }
}
