package io.sluice.media.rtmp.session;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.Objects;

/**
 * Why a {@link RtmpClientSession} failed.
 *
 * @param kind        what failed
 * @param code        the server's status code ({@code NetStream.Publish.BadName}, ...), or {@code null}
 *                    when the failure did not come with one
 * @param description the server's description or what went wrong locally
 * @param limitName   the broken limit's stable name for {@link Kind#LIMIT_EXCEEDED}, else {@code null}
 */
public record ClientFailure(Kind kind, String code, String description, String limitName) {

    /** What failed. */
    public enum Kind {
        /** The server answered connect with {@code _error} (NetConnection.Connect.Rejected and the like). */
        CONNECT_REJECTED,
        /** The server answered createStream with {@code _error}. */
        CREATE_STREAM_FAILED,
        /** The server refused publish with an error onStatus (BadName, Denied, ...). */
        PUBLISH_REFUSED,
        /** The server sent an error onStatus while we were publishing. */
        SERVER_ERROR,
        /** The server closed the connection before we unpublished. */
        CLOSED_BY_SERVER,
        /** The server sent something malformed. */
        PROTOCOL_ERROR,
        /** The server broke one of our limits. */
        LIMIT_EXCEEDED
    }

    public ClientFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    static ClientFailure of(MediaFormatException e) {
        return e instanceof LimitExceededException limit
                ? new ClientFailure(Kind.LIMIT_EXCEEDED, null, e.getMessage(), limit.limitName())
                : new ClientFailure(Kind.PROTOCOL_ERROR, null, e.getMessage(), null);
    }
}
