package io.sluice.media.rtmp.session;

import java.util.Objects;

/** Why a session reached its {@code CLOSED} state, in a stable kind plus a human description. */
public record CloseReason(Kind kind, String description) {

    /** What ended the session. */
    public enum Kind {
        /** The service reported that the client closed the connection (a client session fails instead). */
        PEER_CLOSED,
        /** The server refused connect (for example an unknown application). */
        CONNECT_REJECTED,
        /** The server refused publish; the client session reports it as a failure instead. */
        PUBLISH_REFUSED,
        /** The client asked to play, which an ingest does not serve. */
        PLAY_REFUSED,
        /** The service ended the session. */
        ENDED_BY_SERVICE,
        /** This client finished publishing. */
        UNPUBLISHED
    }

    public CloseReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}
