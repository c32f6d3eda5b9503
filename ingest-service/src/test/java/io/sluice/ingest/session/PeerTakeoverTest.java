package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The later session.started on the stream's partition is the newer session, whenever each is learnt of. */
class PeerTakeoverTest {

    @Test
    void aPeerStartAfterOursWins() {
        PeerTakeover order = new PeerTakeover();
        assertThat(order.ownStartWritten(100)).isEmpty();

        assertThat(order.peerStarted(99, "ingest-b")).as("earlier on the topic").isEmpty();
        assertThat(order.peerStarted(100, "ingest-b")).as("our own record").isEmpty();
        assertThat(order.peerStarted(101, "ingest-b")).contains("ingest-b");
    }

    @Test
    void aPeerStartSeenBeforeOurOffsetIsKnownIsDecidedWhenItIs() {
        PeerTakeover later = new PeerTakeover();
        assertThat(later.peerStarted(120, "ingest-b")).isEmpty();
        assertThat(later.peerStarted(110, "ingest-c")).isEmpty();
        assertThat(later.ownStartWritten(115)).as("the newest peer start seen wins").contains("ingest-b");

        PeerTakeover earlier = new PeerTakeover();
        assertThat(earlier.peerStarted(90, "ingest-b")).isEmpty();
        assertThat(earlier.ownStartWritten(115)).as("ours is the later one").isEmpty();
    }

    @Test
    void whenOurStartNeverReachedTheTopicAnyPeerStartWins() {
        PeerTakeover order = new PeerTakeover();
        assertThat(order.ownStartNotWritten()).isEmpty();
        assertThat(order.peerStarted(0, "ingest-b")).contains("ingest-b");

        PeerTakeover pending = new PeerTakeover();
        pending.peerStarted(0, "ingest-c");
        assertThat(pending.ownStartNotWritten()).contains("ingest-c");
    }
}
