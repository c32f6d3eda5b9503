package io.sluice.ingest.session;

import io.sluice.events.data.EndReason;
import io.sluice.media.rtmp.session.PublishRefusal;
import java.util.Optional;

/**
 * What an encoder is told when the service ends its session. A session the service ended on purpose
 * (revocation, takeover, a limit, an operator) gets an error status, which encoders take as "do not publish
 * this again at once": ffmpeg prints it and quits, and OBS, which reconnects after a dropped connection, has
 * its next publish refused as long as the reason holds. A session ended for reasons that a reconnect
 * cures (the instance shuts down, Kafka is away) gets {@code NetStream.Unpublish.Success}, so encoders come
 * back, to another instance.
 */
final class EncoderStatus {

    private EncoderStatus() {
    }

    /** The error status for {@code reason}; empty when the encoder should rather reconnect. */
    static Optional<PublishRefusal> errorFor(EndReason reason) {
        return switch (reason) {
            case KEY_ROTATED, KEY_DELETED -> Optional.of(PublishRefusal.BAD_NAME);
            case KEY_DISABLED, TAKEOVER, IDLE_TIMEOUT, MAX_DURATION, BITRATE_EXCEEDED, PROTOCOL_ERROR, ENDED_BY_ADMIN ->
                    Optional.of(PublishRefusal.DENIED);
            case CLIENT_CLOSED, BACKEND_UNAVAILABLE, SHUTDOWN, INGEST_LOST -> Optional.empty();
        };
    }
}
