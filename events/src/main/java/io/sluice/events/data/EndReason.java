package io.sluice.events.data;

import java.util.Locale;
import java.util.Optional;

/** Why a session ended; the wire name is the lower-case constant ({@code key_disabled}). */
public enum EndReason {

    /** The encoder stopped publishing or closed the connection. */
    CLIENT_CLOSED,
    KEY_DISABLED,
    KEY_ROTATED,
    KEY_DELETED,
    /** Another publish with the same key took the stream over. */
    TAKEOVER,
    IDLE_TIMEOUT,
    MAX_DURATION,
    BITRATE_EXCEEDED,
    /** The encoder broke the protocol or a limit (message size, chunk streams, ...). */
    PROTOCOL_ERROR,
    /** Kafka stayed unavailable past the grace period. */
    BACKEND_UNAVAILABLE,
    /** The ingest instance shut down (after asking Enhanced RTMP clients to reconnect elsewhere). */
    SHUTDOWN,
    /** An operator ended it through the admin API. */
    ENDED_BY_ADMIN,
    /** The ingest instance disappeared without saying; a peer or a restart noticed. */
    INGEST_LOST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EndReason> fromWireName(String name) {
        for (EndReason reason : values()) {
            if (reason.wireName().equals(name)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
