package io.sluice.media.rtmp.session;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.Objects;

/**
 * Why a session reached its {@code FAILED} state: the peer sent something malformed or broke a limit.
 *
 * @param reason    what went wrong, for the log line
 * @param limitName the stable limit name when a limit was broken (see
 *                  {@link io.sluice.media.rtmp.RtmpLimits}), else {@code null}
 */
public record SessionFailure(String reason, String limitName) {

    public SessionFailure {
        Objects.requireNonNull(reason, "reason");
    }

    static SessionFailure of(MediaFormatException e) {
        return new SessionFailure(e.getMessage(), e instanceof LimitExceededException limit ? limit.limitName() : null);
    }

    /** Whether a limit was broken, rather than the input being malformed. */
    public boolean isLimit() {
        return limitName != null;
    }
}
