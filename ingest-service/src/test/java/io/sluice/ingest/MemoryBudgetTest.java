package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.ingest.support.Metrics;
import io.sluice.ingest.support.RtmpBytes;
import io.sluice.ingest.support.ServerClose;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The instance-wide memory budget (900 KiB here, 512 KiB per connection): what the connections hold together
 * is bounded, new connections are turned away once 90 % of it is taken, a connection that needs more than
 * is left is closed, and what a connection held is given back when it goes. A stalled 400 KiB of a 512 KiB
 * message holds 512 KiB (its buffer doubled from 256 KiB); once the budget cannot pay for a doubling, a
 * buffer grows only by what arrives.
 */
@QuarkusTest
@TestProfile(SmallMemoryBudgetProfile.class)
class MemoryBudgetTest {

    private static final int DECLARED = SmallMemoryBudgetProfile.PER_CONNECTION;

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Test
    void connectionsShareOneBudgetAndNewOnesAreRefusedWhenItIsTaken() throws Exception {
        double refusedBefore = Metrics.refusals("memory_budget");
        try (Socket first = stalledWith(400 * 1024)) {
            // The first buffer doubles before the second connection starts: were both growing at once, either
            // could be the one that doubled, and the sum would depend on how the bytes were scheduled.
            await().atMost(Duration.ofSeconds(5)).until(() -> used() == DECLARED);
            try (Socket second = stalledWith(300 * 1024)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> used() == DECLARED + 300 * 1024);
                assertNewConnectionIsTurnedAway(refusedBefore);
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> used() == 0);
    }

    private void assertNewConnectionIsTurnedAway(double refusedBefore) throws IOException {
        try (Socket refused = new Socket()) {
            refused.connect(new InetSocketAddress("127.0.0.1", rtmpPort), 2000);
            assertThat(ServerClose.within(refused, Duration.ofSeconds(2))).as("a new connection is turned away").isTrue();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> Metrics.refusals("memory_budget") == refusedBefore + 1);
    }

    @Test
    void aConnectionThatNeedsMoreThanIsLeftIsClosedAndTheOthersKeepTheirs() throws Exception {
        double refusedBefore = Metrics.refusals("memory_budget");
        try (Socket first = stalledWith(400 * 1024)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> used() == DECLARED);
            try (Socket second = open()) {
                RtmpBytes.handshake(second);
                // 200 KiB fit in what is left (388 KiB); 300 KiB more do not.
                second.getOutputStream().write(chunks(200 * 1024));
                await().atMost(Duration.ofSeconds(5)).until(() -> used() > DECLARED);
                second.getOutputStream().write(chunksContinued(200 * 1024, 300 * 1024));
                assertThat(ServerClose.within(second, Duration.ofSeconds(5))).as("the connection over the budget is closed").isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> used() == DECLARED);
            assertThat(ServerClose.within(first, Duration.ofMillis(200))).as("the other connection carries on").isFalse();
        }
        assertThat(Metrics.refusals("memory_budget")).isEqualTo(refusedBefore + 1);
    }

    private static double used() {
        return Metrics.value("sluice_ingest_memory_budget_used_bytes", "", "");
    }

    /** A connection past its handshake with {@code bytes} of one declared video message sent, then silent. */
    private Socket stalledWith(int bytes) throws IOException {
        Socket socket = open();
        RtmpBytes.handshake(socket);
        socket.getOutputStream().write(chunks(bytes));
        socket.getOutputStream().flush();
        return socket;
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", rtmpPort), 2000);
        return socket;
    }

    /** The first {@code bytes} of a {@value #DECLARED}-byte video message on chunk stream 6, in 128-byte chunks. */
    private static byte[] chunks(int bytes) {
        return RtmpBytes.message(6, 0, DECLARED, 9, 1, new byte[bytes]);
    }

    /** Bytes {@code from} to {@code from + bytes} of that message: continuation chunks only. */
    private static byte[] chunksContinued(int from, int bytes) {
        byte[] whole = RtmpBytes.message(6, 0, DECLARED, 9, 1, new byte[from + bytes]);
        int headerAndFirst = 12 + from + (from - 1) / RtmpBytes.DEFAULT_CHUNK_SIZE;
        return Arrays.copyOfRange(whole, headerAndFirst, whole.length);
    }
}
