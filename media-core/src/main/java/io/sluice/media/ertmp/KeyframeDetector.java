package io.sluice.media.ertmp;

import io.sluice.media.codec.CodecLimits;
import io.sluice.media.codec.av1.Av1Bitstream;
import io.sluice.media.codec.avc.AvcBitstream;
import io.sluice.media.codec.hevc.HevcBitstream;
import io.sluice.media.codec.vp8.Vp8FrameHeaderParser;
import io.sluice.media.codec.vp9.Vp9FrameHeaderParser;
import io.sluice.media.error.MediaFormatException;

/**
 * Tells whether a video tag is a random access point. The container flag (legacy FrameType or E-RTMP
 * VideoFrameType) is what encoders set; some set it wrongly, so the bitstream check reads the coded data itself:
 * an IDR NAL unit for H.264, an IRAP NAL unit for H.265, a key frame header for AV1, the key frame bit for VP8
 * and VP9.
 */
public final class KeyframeDetector {

    private KeyframeDetector() {
    }

    /** Whether the container marks the tag as a key frame (KEY or GENERATED_KEY). */
    public static boolean containerSaysKeyFrame(VideoTag tag) {
        VideoFrameType frameType = switch (tag) {
            case LegacyVideoTag legacy -> legacy.frameType();
            case LegacyAvcVideoTag avc -> avc.frameType();
            case LegacyVideoCommand command -> VideoFrameType.COMMAND;
            case ExVideoTag ex -> ex.frameType();
        };
        return frameType == VideoFrameType.KEY || frameType == VideoFrameType.GENERATED_KEY;
    }

    /**
     * Whether the coded data of one frame is a key frame, read from the bitstream.
     *
     * @param nalUnitLengthSize the NAL unit length size from the avcC/hvcC record; ignored for other codecs
     * @throws MediaFormatException for malformed data, or for VVC, whose bitstream check is not implemented
     */
    public static boolean bitstreamSaysKeyFrame(VideoFourCc codec, byte[] frame, int nalUnitLengthSize,
            CodecLimits limits) {
        if (frame.length == 0) {
            return false;
        }
        return switch (codec) {
            case AVC -> AvcBitstream.containsIdr(frame, 0, frame.length, nalUnitLengthSize, limits);
            case HEVC -> HevcBitstream.containsIrap(frame, 0, frame.length, nalUnitLengthSize, limits);
            case AV1 -> Av1Bitstream.containsKeyFrame(frame, 0, frame.length, limits);
            case VP9 -> Vp9FrameHeaderParser.parse(frame, 0, frame.length).keyFrame();
            case VP8 -> Vp8FrameHeaderParser.parse(frame, 0, frame.length).keyFrame();
            case VVC -> throw new MediaFormatException("no bitstream key frame check for VVC");
        };
    }
}
