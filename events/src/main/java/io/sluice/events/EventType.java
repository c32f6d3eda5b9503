package io.sluice.events;

import java.util.Optional;

/** Every event type of the contract, with its CloudEvents {@code type} name. */
public enum EventType {

    SESSION_STARTED("io.sluice.session.started"),
    SESSION_ENDED("io.sluice.session.ended"),
    SESSION_STATS("io.sluice.session.stats"),
    MEDIA_METADATA("io.sluice.media.metadata"),
    MEDIA_VIDEO("io.sluice.media.video"),
    MEDIA_AUDIO("io.sluice.media.audio"),
    MEDIA_DATA("io.sluice.media.data"),
    STREAM_KEY_UPDATED("io.sluice.streamkey.updated"),
    RECORDING_STARTED("io.sluice.recording.started"),
    RECORDING_READY("io.sluice.recording.ready"),
    RECORDING_FAILED("io.sluice.recording.failed"),
    RECORDING_DELETED("io.sluice.recording.deleted"),
    SIMULCAST_TARGET_STARTING("io.sluice.simulcast.target.starting"),
    SIMULCAST_TARGET_BROADCASTING("io.sluice.simulcast.target.broadcasting"),
    SIMULCAST_TARGET_ERRORED("io.sluice.simulcast.target.errored"),
    SIMULCAST_TARGET_IDLE("io.sluice.simulcast.target.idle");

    private final String typeName;

    EventType(String typeName) {
        this.typeName = typeName;
    }

    public String typeName() {
        return typeName;
    }

    /** Media events travel in binary mode: attributes in headers, the FLV tag body as the value. */
    public boolean isMedia() {
        return this == MEDIA_METADATA || this == MEDIA_VIDEO || this == MEDIA_AUDIO || this == MEDIA_DATA;
    }

    /** The type of this name; empty for a type this version does not know, which a consumer skips. */
    public static Optional<EventType> fromTypeName(String typeName) {
        for (EventType type : values()) {
            if (type.typeName.equals(typeName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
