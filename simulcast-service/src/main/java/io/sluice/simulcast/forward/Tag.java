package io.sluice.simulcast.forward;

/**
 * One FLV tag of a live stream as the media log holds it: the body exactly as the encoder sent it.
 *
 * @param timestamp the 32-bit RTMP timestamp, as sent
 */
public record Tag(Kind kind, long timestamp, byte[] body) {

    public enum Kind {
        METADATA,
        AUDIO,
        VIDEO
    }

    /** Whether this is video a decoder can start at. */
    public boolean isKeyframe() {
        return kind == Kind.VIDEO && TagBodies.isKeyframe(body);
    }

    /** Whether this is a sequence header (decoder configuration), sent again to every target that starts. */
    public boolean isSequenceHeader() {
        return switch (kind) {
            case VIDEO -> TagBodies.isVideoSequenceHeader(body);
            case AUDIO -> TagBodies.isAudioSequenceHeader(body);
            case METADATA -> false;
        };
    }
}
