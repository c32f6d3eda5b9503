package io.sluice.simulcast.forward;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The few facts the forwarding needs from FLV tag bodies, legacy or Enhanced RTMP, read from their first bytes:
 * keyframes, sequence headers, and the FourCC of an enhanced codec. Everything else passes through unread.
 */
final class TagBodies {

    /** Legacy codec ids whose second byte is the AVC-style packet type (AVC, and HEVC as some encoders send it). */
    private static final int CODEC_AVC = 7;
    private static final int CODEC_LEGACY_HEVC = 12;
    private static final int SOUND_AAC = 10;
    private static final int SOUND_EX_HEADER = 9;
    private static final int PACKET_SEQUENCE_START = 0;
    private static final int VIDEO_MULTITRACK = 6;
    private static final int VIDEO_MOD_EX = 7;
    private static final int AUDIO_MULTITRACK = 5;
    private static final int AUDIO_MOD_EX = 7;

    private TagBodies() {
    }

    static boolean isKeyframe(byte[] body) {
        return body.length > 0 && ((body[0] >> 4) & 0x07) == 1 && !isVideoSequenceHeader(body);
    }

    static boolean isVideoSequenceHeader(byte[] body) {
        if (body.length < 2) {
            return false;
        }
        if (isEnhanced(body)) {
            return (body[0] & 0x0F) == PACKET_SEQUENCE_START;
        }
        int codec = body[0] & 0x0F;
        return (codec == CODEC_AVC || codec == CODEC_LEGACY_HEVC) && body[1] == 0;
    }

    static boolean isAudioSequenceHeader(byte[] body) {
        if (body.length < 2) {
            return false;
        }
        int format = (body[0] >> 4) & 0x0F;
        if (format == SOUND_EX_HEADER) {
            return (body[0] & 0x0F) == PACKET_SEQUENCE_START;
        }
        return format == SOUND_AAC && body[1] == 0;
    }

    /** The FourCC of an Enhanced RTMP video body ({@code hvc1}, {@code av01}, ...); empty for legacy video. */
    static Optional<String> videoFourCc(byte[] body) {
        if (body.length < 5 || !isEnhanced(body)) {
            return Optional.empty();
        }
        int packetType = body[0] & 0x0F;
        if (packetType == VIDEO_MULTITRACK || packetType == VIDEO_MOD_EX) {
            return Optional.empty();
        }
        return Optional.of(new String(body, 1, 4, StandardCharsets.ISO_8859_1));
    }

    /** The FourCC of an Enhanced RTMP audio body ({@code Opus}, ...); empty for legacy audio. */
    static Optional<String> audioFourCc(byte[] body) {
        if (body.length < 5 || ((body[0] >> 4) & 0x0F) != SOUND_EX_HEADER) {
            return Optional.empty();
        }
        int packetType = body[0] & 0x0F;
        if (packetType == AUDIO_MULTITRACK || packetType == AUDIO_MOD_EX) {
            return Optional.empty();
        }
        return Optional.of(new String(body, 1, 4, StandardCharsets.ISO_8859_1));
    }

    private static final byte[] SET_DATA_FRAME = {0x02, 0x00, 0x0D, '@', 's', 'e', 't', 'D', 'a', 't', 'a', 'F', 'r',
        'a', 'm', 'e'};

    /**
     * A metadata body without its leading {@code @setDataFrame} AMF0 string, which encoders like ffmpeg and OBS send
     * and the media log keeps as received: the RTMP client adds its own.
     */
    static byte[] withoutSetDataFrame(byte[] body) {
        if (body.length < SET_DATA_FRAME.length
                || !java.util.Arrays.equals(body, 0, SET_DATA_FRAME.length, SET_DATA_FRAME, 0, SET_DATA_FRAME.length)) {
            return body;
        }
        return java.util.Arrays.copyOfRange(body, SET_DATA_FRAME.length, body.length);
    }

    private static boolean isEnhanced(byte[] body) {
        return (body[0] & 0x80) != 0;
    }
}
