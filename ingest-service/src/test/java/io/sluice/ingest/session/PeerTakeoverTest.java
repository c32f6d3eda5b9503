package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The later session.started on the stream's partition is the newer session, whenever each is learnt of. */
class PeerTakeoverTest {

    @Test
    void aPeerStartAfterOursWins() {
        PeerTakeover order = new PeerTakeover();
        assertThat(order.ownStartWritten(3, 100)).isEmpty();

        assertThat(order.peerStarted(3, 99, "ingest-b")).as("earlier on the topic").isEmpty();
        assertThat(order.peerStarted(3, 100, "ingest-b")).as("our own record").isEmpty();
        assertThat(order.peerStarted(3, 101, "ingest-b")).contains("ingest-b");
    }

    @Test
    void aPeerStartSeenBeforeOurOffsetIsKnownIsDecidedWhenItIs() {
        PeerTakeover later = new PeerTakeover();
        assertThat(later.peerStarted(3, 120, "ingest-b")).isEmpty();
        assertThat(later.peerStarted(3, 110, "ingest-c")).isEmpty();
        assertThat(later.ownStartWritten(3, 115)).as("the newest peer start seen wins").contains("ingest-b");

        PeerTakeover earlier = new PeerTakeover();
        assertThat(earlier.peerStarted(3, 90, "ingest-b")).isEmpty();
        assertThat(earlier.ownStartWritten(3, 115)).as("ours is the later one").isEmpty();
    }

    /**
     * After the topic's partition count changed, a stream's starts may lie on two partitions: a larger offset
     * on another partition is no later, and the start learnt of later wins.
     */
    @Test
    void offsetsOfDifferentPartitionsAreNotCompared() {
        PeerTakeover seenBefore = new PeerTakeover();
        assertThat(seenBefore.peerStarted(1, 5_000, "ingest-b")).isEmpty();
        assertThat(seenBefore.ownStartWritten(3, 10)).as("a start on another partition, seen before ours was written").isEmpty();

        PeerTakeover seenAfter = new PeerTakeover();
        assertThat(seenAfter.ownStartWritten(3, 10_000)).isEmpty();
        assertThat(seenAfter.peerStarted(1, 5, "ingest-b")).as("seen after ours, on another partition").contains("ingest-b");
    }

    @Test
    void whenOurStartNeverReachedTheTopicAnyPeerStartWins() {
        PeerTakeover order = new PeerTakeover();
        assertThat(order.ownStartNotWritten()).isEmpty();
        assertThat(order.peerStarted(0, 0, "ingest-b")).contains("ingest-b");

        PeerTakeover pending = new PeerTakeover();
        pending.peerStarted(0, 0, "ingest-c");
        assertThat(pending.ownStartNotWritten()).contains("ingest-c");
    }
}
