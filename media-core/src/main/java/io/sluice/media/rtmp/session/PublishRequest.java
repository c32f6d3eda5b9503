package io.sluice.media.rtmp.session;

import java.util.Objects;

/**
 * A publish the client asked for (section 7.2.2.6), waiting for the service to accept or refuse it.
 *
 * @param app        the application from connect
 * @param streamName the publishing name exactly as sent; for an ingest this is the stream key, possibly
 *                   followed by a {@code ?query} some encoders append
 * @param type       live, record or append
 * @param streamId   the message stream the client publishes on
 * @param tcUrl      the tcUrl from connect, or {@code null}
 */
public record PublishRequest(String app, String streamName, PublishType type, int streamId, String tcUrl) {

    public PublishRequest {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(type, "type");
    }

    /** Leaves the stream name out: it is the stream key, which must never reach a log. */
    @Override
    public String toString() {
        return "PublishRequest[app=" + app + ", streamName=(" + streamName.length() + " characters), type=" + type
                + ", streamId=" + streamId + ", tcUrl=" + tcUrl + "]";
    }
}
