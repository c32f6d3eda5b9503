package io.sluice.media.codec.av1;

import io.sluice.media.codec.ByteCursor;
import io.sluice.media.error.MediaFormatException;
import java.util.OptionalInt;

/** Parses an {@code av1C} record (AV1 ISOBMFF binding 2.3.3). */
public final class Av1ConfigurationParser {

    private Av1ConfigurationParser() {
    }

    /** Parses {@code data}; the config OBUs are kept as bytes, see {@link Av1SequenceHeaderParser}. */
    public static Av1CodecConfigurationRecord parse(byte[] data) {
        var in = new ByteCursor(data);
        int markerVersion = in.u8();
        if (markerVersion != 0x81) {
            throw new MediaFormatException("av1C must start with marker 1 and version 1, was 0x"
                    + Integer.toHexString(markerVersion));
        }
        int profileLevel = in.u8();
        int flags = in.u8();
        int delay = in.u8();
        OptionalInt initialDelay = (delay & 0x10) != 0 ? OptionalInt.of((delay & 0x0F) + 1) : OptionalInt.empty();
        return new Av1CodecConfigurationRecord(profileLevel >>> 5, profileLevel & 0x1F, (flags & 0x80) != 0,
                (flags & 0x40) != 0, (flags & 0x20) != 0, (flags & 0x10) != 0, (flags & 0x08) != 0,
                (flags & 0x04) != 0, flags & 0x03, initialDelay, in.rest());
    }
}
