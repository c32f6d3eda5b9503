package io.sluice.media.rtmp.message;

import java.util.Objects;

/** Set Peer Bandwidth (type 6, section 5.4.5): limit unacknowledged output to a window. */
public record SetPeerBandwidth(long windowSize, LimitType limitType) implements RtmpMessage {

    /** How the window combines with the one in effect. */
    public enum LimitType {
        HARD, SOFT, DYNAMIC;

        static LimitType of(int value) {
            return value >= 0 && value < values().length ? values()[value] : null;
        }
    }

    public SetPeerBandwidth {
        U32.check("window size", windowSize);
        Objects.requireNonNull(limitType, "limitType");
    }

    @Override
    public MessageType type() {
        return MessageType.SET_PEER_BANDWIDTH;
    }
}
