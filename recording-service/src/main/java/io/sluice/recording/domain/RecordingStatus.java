package io.sluice.recording.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a recording is in its life. {@code recording} while a session is live or may still join (the stream's
 * reconnect window); then {@code ready}, or {@code failed} when nothing could be recorded; {@code deleted} once
 * its media is gone, by a caller or by retention. Nothing comes back from {@code deleted}.
 */
public enum RecordingStatus {
    RECORDING,
    READY,
    FAILED,
    DELETED;

    /** Whether a recording in this status may move to {@code next}. */
    public boolean canBecome(RecordingStatus next) {
        return switch (this) {
            case RECORDING -> next != RECORDING;
            case READY, FAILED -> next == DELETED;
            case DELETED -> false;
        };
    }

    /** The name in the API, the database and the events. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecordingStatus> fromWireName(String name) {
        for (RecordingStatus status : values()) {
            if (status.wireName().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
