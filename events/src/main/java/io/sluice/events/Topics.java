package io.sluice.events;

/** The Kafka topics of the contract. Every record on them is keyed by stream id. */
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

    private Topics() {
    }
}
