package io.sluice.events;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The Kafka topics of the contract. Every record on them is keyed by stream id. Partitions and topic
 * settings are in {@code infra/config/topics.conf}; {@code docs/asyncapi.yaml} describes each topic.
 */
public final class Topics {

    /** The per-stream ordered log: session start and end, metadata, audio, video and data. */
    public static final String MEDIA = "sluice.media.v1";
    /** Session lifecycle and periodic stats, no media. */
    public static final String SESSIONS = "sluice.sessions.v1";
    /** The compacted key registry; a tombstone deletes a stream. */
    public static final String STREAM_KEYS = "sluice.stream-keys.v1";
    /** What happens to the recordings of a stream: started, ready, failed, deleted. */
    public static final String RECORDINGS = "sluice.recordings.v1";
    /** The status of each simulcast target of a stream: starting, broadcasting, errored, idle. */
    public static final String SIMULCAST = "sluice.simulcast.v1";

    /** Every topic of the contract. */
    public static final List<String> ALL = List.of(MEDIA, SESSIONS, STREAM_KEYS, RECORDINGS, SIMULCAST);

    private Topics() {
    }

    /**
     * The event types written to {@code topic}: the session's start and end frame its media on
     * {@link #MEDIA} and are repeated, with the stats, on {@link #SESSIONS}.
     */
    public static Set<EventType> eventTypes(String topic) {
        return switch (topic) {
            case MEDIA -> EnumSet.of(EventType.SESSION_STARTED, EventType.MEDIA_METADATA, EventType.MEDIA_VIDEO,
                    EventType.MEDIA_AUDIO, EventType.MEDIA_DATA, EventType.SESSION_ENDED);
            case SESSIONS -> EnumSet.of(EventType.SESSION_STARTED, EventType.SESSION_STATS, EventType.SESSION_ENDED);
            case STREAM_KEYS -> EnumSet.of(EventType.STREAM_KEY_UPDATED);
            case RECORDINGS -> EnumSet.of(EventType.RECORDING_STARTED, EventType.RECORDING_READY, EventType.RECORDING_FAILED,
                    EventType.RECORDING_DELETED);
            case SIMULCAST -> EnumSet.of(EventType.SIMULCAST_TARGET_STARTING, EventType.SIMULCAST_TARGET_BROADCASTING,
                    EventType.SIMULCAST_TARGET_ERRORED, EventType.SIMULCAST_TARGET_IDLE);
            default -> throw new IllegalArgumentException("not a topic of the contract: " + topic);
        };
    }
}
