package io.sluice.ingest.session;

import java.util.Optional;

/**
 * Decides, without clocks, whether a session started on another instance is newer than the one live here.
 * Every record of a stream shares one partition of the sessions topic (the stream id is the key), so the
 * {@code session.started} with the later offset is the newer session. This session's own offset comes from
 * the producer's acknowledgement; a peer's start seen before that is kept until it comes. Owned by the
 * connection's event loop.
 */
final class PeerTakeover {

    private static final long PENDING = -2;
    /** Our start never reached the sessions topic: whatever a peer started is what the world sees. */
    private static final long NOT_WRITTEN = -1;

    private long ownOffset = PENDING;
    private long newestPeerOffset = -1;
    private String newestPeer;

    /** Our {@code session.started} was written at {@code offset}; returns the peer instance that is newer, if any. */
    Optional<String> ownStartWritten(long offset) {
        ownOffset = offset;
        return newestPeerOffset > ownOffset ? Optional.of(newestPeer) : Optional.empty();
    }

    /** Our {@code session.started} could not be written to the sessions topic. */
    Optional<String> ownStartNotWritten() {
        return ownStartWritten(NOT_WRITTEN);
    }

    /** {@code instance} started a session of this stream at {@code offset}; returns it when it is newer than ours. */
    Optional<String> peerStarted(long offset, String instance) {
        if (ownOffset == PENDING) {
            if (offset > newestPeerOffset) {
                newestPeerOffset = offset;
                newestPeer = instance;
            }
            return Optional.empty();
        }
        return offset > ownOffset ? Optional.of(instance) : Optional.empty();
    }
}
