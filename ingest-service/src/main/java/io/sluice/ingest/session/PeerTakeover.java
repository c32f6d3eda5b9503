package io.sluice.ingest.session;

import java.util.Optional;

/**
 * Decides, without clocks, whether a session started on another instance is newer than the one live here.
 * Every record of a stream shares one partition of the sessions topic (the stream id is the key), so the
 * {@code session.started} with the later offset is the newer session. Offsets are compared only within one
 * partition: a start on another partition than ours means the topic's partition count changed between the
 * two, and offsets of different partitions say nothing of order, so the start learnt of later wins (a peer
 * start seen after ours was written is newer, one seen before is older). This session's own position comes
 * from the producer's acknowledgement; a peer's start seen before that is kept until it comes. Owned by the
 * connection's event loop.
 */
final class PeerTakeover {

    private static final long PENDING = -2;
    /** Our start never reached the sessions topic: whatever a peer started is what the world sees. */
    private static final long NOT_WRITTEN = -1;

    private int ownPartition = -1;
    private long ownOffset = PENDING;
    private int newestPeerPartition = -1;
    private long newestPeerOffset = -1;
    private String newestPeer;

    /** Our {@code session.started} was written at {@code offset} of {@code partition}; returns the newer peer, if any. */
    Optional<String> ownStartWritten(int partition, long offset) {
        ownPartition = partition;
        ownOffset = offset;
        if (newestPeer == null) {
            return Optional.empty();
        }
        boolean newer = ownOffset == NOT_WRITTEN || newestPeerPartition == ownPartition && newestPeerOffset > ownOffset;
        return newer ? Optional.of(newestPeer) : Optional.empty();
    }

    /** Our {@code session.started} could not be written to the sessions topic. */
    Optional<String> ownStartNotWritten() {
        return ownStartWritten(-1, NOT_WRITTEN);
    }

    /**
     * {@code instance} started a session of this stream at {@code offset} of {@code partition}; returns it when
     * it is newer than ours.
     */
    Optional<String> peerStarted(int partition, long offset, String instance) {
        if (ownOffset == PENDING) {
            if (newestPeer == null || partition != newestPeerPartition || offset > newestPeerOffset) {
                newestPeerPartition = partition;
                newestPeerOffset = offset;
                newestPeer = instance;
            }
            return Optional.empty();
        }
        boolean newer = ownOffset == NOT_WRITTEN || partition != ownPartition || offset > ownOffset;
        return newer ? Optional.of(instance) : Optional.empty();
    }
}
