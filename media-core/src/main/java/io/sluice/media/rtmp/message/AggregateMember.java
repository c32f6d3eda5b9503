package io.sluice.media.rtmp.message;

/** The messages an {@link Aggregate} may hold: audio, video and data, as FMS-style aggregates do. */
public sealed interface AggregateMember extends StreamMessage permits Audio, Video, DataAmf0, DataAmf3 {
}
