package io.sluice.auth.domain;

import java.util.Locale;
import java.util.Optional;

/** What the API shows a stream's state as; the wire name is the lower-case constant. */
public enum LiveStreamStatus {

    /** Enabled, no encoder connected (and none within the reconnect window). */
    IDLE,
    /** An encoder is publishing, or dropped less than the reconnect window ago. */
    ACTIVE,
    /** The key is refused by ingest. */
    DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LiveStreamStatus> fromWireName(String name) {
        for (LiveStreamStatus status : values()) {
            if (status.wireName().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
