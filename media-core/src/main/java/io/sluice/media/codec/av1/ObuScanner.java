package io.sluice.media.codec.av1;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a low-overhead AV1 bitstream (AV1 5.2, the form ISOBMFF and E-RTMP carry) into OBUs, checking every
 * size against the bytes left and the configured OBU count.
 */
public final class ObuScanner {

    private static final int MAX_LEB128_BYTES = 8;

    private ObuScanner() {
    }

    /** The OBUs in {@code data[offset .. offset+length)}, in order. */
    public static List<Obu> scan(byte[] data, int offset, int length, CodecLimits limits) {
        List<Obu> obus = new ArrayList<>();
        int position = offset;
        int end = offset + length;
        while (position < end) {
            LimitExceededException.check("max_obus", limits.maxObus(), obus.size() + 1L);
            int header = data[position++] & 0xFF;
            if ((header & 0x80) != 0) {
                throw new MediaFormatException("OBU forbidden bit set");
            }
            int type = (header >>> 3) & 0x0F;
            if ((header & 0x04) != 0) {
                if (position >= end) {
                    throw new MediaFormatException("OBU extension header missing");
                }
                position++;
            }
            long size;
            if ((header & 0x02) != 0) {
                long value = 0;
                int i = 0;
                while (true) {
                    if (position >= end) {
                        throw new MediaFormatException("OBU size field truncated");
                    }
                    int b = data[position++] & 0xFF;
                    value |= (long) (b & 0x7F) << (7 * i);
                    i++;
                    if ((b & 0x80) == 0) {
                        break;
                    }
                    if (i == MAX_LEB128_BYTES) {
                        throw new MediaFormatException("OBU size field longer than 8 bytes");
                    }
                }
                size = value;
            } else {
                size = end - position;
            }
            if (size > end - position) {
                throw new MediaFormatException("OBU size " + size + " exceeds the " + (end - position)
                        + " bytes left");
            }
            obus.add(new Obu(type, position, (int) size));
            position += (int) size;
        }
        return obus;
    }
}
