package io.sluice.media.codec.av1;

import io.sluice.media.codec.BitReader;
import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.ImmutableBytes;
import io.sluice.media.error.MediaFormatException;

/** Parses the sequence header OBU (AV1 5.5.1) up to and including color_config (5.5.2). */
public final class Av1SequenceHeaderParser {

    private static final int SELECT_SCREEN_CONTENT_TOOLS = 2;
    private static final int CP_BT_709 = 1;
    private static final int TC_SRGB = 13;
    private static final int MC_IDENTITY = 0;

    private Av1SequenceHeaderParser() {
    }

    /** Finds the sequence header among the config OBUs of an {@code av1C} record and parses it. */
    public static Av1SequenceHeader parse(Av1CodecConfigurationRecord record, CodecLimits limits) {
        byte[] obus = record.configObus().toByteArray();
        return parseFirst(obus, 0, obus.length, limits);
    }

    /** Parses the first sequence header OBU in a low-overhead OBU stream. */
    public static Av1SequenceHeader parseFirst(byte[] data, int offset, int length, CodecLimits limits) {
        for (Obu obu : ObuScanner.scan(data, offset, length, limits)) {
            if (obu.type() == Obu.SEQUENCE_HEADER) {
                return parsePayload(new BitReader(data, obu.payloadOffset(), obu.payloadLength()));
            }
        }
        throw new MediaFormatException("no sequence header OBU");
    }

    /** Parses a sequence header OBU payload (the bytes after the OBU header and size). */
    public static Av1SequenceHeader parsePayload(ImmutableBytes payload) {
        return parsePayload(new BitReader(payload.toByteArray()));
    }

    private static Av1SequenceHeader parsePayload(BitReader in) {
        int profile = in.bitsInt(3);
        if (profile > 2) {
            throw new MediaFormatException("seq_profile " + profile + " is reserved");
        }
        boolean stillPicture = in.flag();
        boolean reduced = in.flag();
        int levelIdx0;
        boolean tier0 = false;
        if (reduced) {
            levelIdx0 = in.bitsInt(5);
        } else {
            boolean decoderModelInfo = false;
            int bufferDelayLength = 0;
            if (in.flag()) {
                in.skip(64);
                if (in.flag()) {
                    in.uvlc();
                }
                decoderModelInfo = in.flag();
                if (decoderModelInfo) {
                    bufferDelayLength = in.bitsInt(5) + 1;
                    in.skip(32 + 5 + 5);
                }
            }
            boolean initialDisplayDelay = in.flag();
            int operatingPoints = in.bitsInt(5) + 1;
            levelIdx0 = 0;
            for (int i = 0; i < operatingPoints; i++) {
                in.skip(12);
                int level = in.bitsInt(5);
                boolean tier = level > 7 && in.flag();
                if (i == 0) {
                    levelIdx0 = level;
                    tier0 = tier;
                }
                if (decoderModelInfo && in.flag()) {
                    in.skip(2L * bufferDelayLength + 1);
                }
                if (initialDisplayDelay && in.flag()) {
                    in.skip(4);
                }
            }
        }
        int widthBits = in.bitsInt(4) + 1;
        int heightBits = in.bitsInt(4) + 1;
        int maxWidth = in.bitsInt(widthBits) + 1;
        int maxHeight = in.bitsInt(heightBits) + 1;
        if (!reduced && in.flag()) {
            in.skip(4 + 3);
        }
        in.skip(3);
        if (!reduced) {
            in.skip(4);
            boolean orderHint = in.flag();
            if (orderHint) {
                in.skip(2);
            }
            int forceScreenContentTools = in.flag() ? SELECT_SCREEN_CONTENT_TOOLS : in.bitsInt(1);
            if (forceScreenContentTools > 0 && !in.flag()) {
                in.skip(1);
            }
            if (orderHint) {
                in.skip(3);
            }
        }
        in.skip(3);
        return colorConfig(in, profile, stillPicture, reduced, levelIdx0, tier0, maxWidth, maxHeight);
    }

    private static Av1SequenceHeader colorConfig(BitReader in, int profile, boolean stillPicture, boolean reduced,
            int levelIdx0, boolean tier0, int maxWidth, int maxHeight) {
        boolean highBitdepth = in.flag();
        int bitDepth = profile == 2 && highBitdepth ? (in.flag() ? 12 : 10) : highBitdepth ? 10 : 8;
        boolean mono = profile != 1 && in.flag();
        int primaries = 2;
        int transfer = 2;
        int matrix = 2;
        if (in.flag()) {
            primaries = in.bitsInt(8);
            transfer = in.bitsInt(8);
            matrix = in.bitsInt(8);
        }
        boolean subX;
        boolean subY;
        if (mono) {
            in.skip(1);
            subX = true;
            subY = true;
        } else if (primaries == CP_BT_709 && transfer == TC_SRGB && matrix == MC_IDENTITY) {
            subX = false;
            subY = false;
        } else {
            in.skip(1);
            if (profile == 0) {
                subX = true;
                subY = true;
            } else if (profile == 1) {
                subX = false;
                subY = false;
            } else if (bitDepth == 12) {
                subX = in.flag();
                subY = subX && in.flag();
            } else {
                subX = true;
                subY = false;
            }
        }
        return new Av1SequenceHeader(profile, stillPicture, reduced, levelIdx0, tier0, bitDepth, mono, subX, subY,
                maxWidth, maxHeight);
    }
}
