package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.rtmp.chunk.RawMessage;
import io.sluice.media.rtmp.message.Acknowledgement;
import io.sluice.media.rtmp.message.MessageType;
import io.sluice.media.rtmp.message.RtmpMessage;
import io.sluice.media.rtmp.message.Video;
import io.sluice.media.rtmp.message.WindowAckSize;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Section 5.4.4: after receiving a window's worth of bytes (the size the peer announced with Window
 * Acknowledgement Size) a session sends an Acknowledgement whose sequence number is every byte received so
 * far, the handshake included. Fed one byte at a time, both sessions stay silent at N-1 bytes since the
 * last acknowledgement, acknowledge at N, and stay silent at N+1.
 *
 * <p>A read may bring several windows at once. The session then sends one Acknowledgement for all of it,
 * as nginx-rtmp does (ffmpeg and librtmp check once per message they read, which amounts to the same):
 * the sequence number already says every byte arrived, and the next window counts from there.
 */
class AcknowledgementTest {

    private static final int WINDOW = 4000;

    /** An acknowledgement the session queued, and how many bytes it had received when it did. */
    record Sent(long bytesReceived, RtmpMessage message) {
    }

    @Test
    void serverAcknowledgesEachWindowAtItsLastByte() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(1));
        WireClient client = WireClient.connected(server);
        client.send(new WindowAckSize(WINDOW), 2);
        long announced = server.bytesReceived();
        assertThat(announced).as("the first window ends after the handshake and connect").isLessThan(WINDOW);
        assertThat(client.received()).isEmpty();

        List<Sent> acknowledgements = feedByteByByte(sharedObject(client, 2 * WINDOW), server::feed,
                server::bytesReceived, client::received);

        assertThat(acknowledgements).containsExactly(new Sent(WINDOW, new Acknowledgement(WINDOW)),
                new Sent(2 * WINDOW, new Acknowledgement(2 * WINDOW)));
    }

    @Test
    void serverAcknowledgesSeveralWindowsInOneReadOnce() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(2));
        WireClient client = WireClient.connected(server);
        client.send(new WindowAckSize(WINDOW), 2);
        ByteBuffer bytes = sharedObject(client, 5 * WINDOW);

        server.feed(bytes.slice(0, 3 * WINDOW + WINDOW / 2));
        long afterLargeRead = server.bytesReceived();
        assertThat(client.received()).containsExactly(new Acknowledgement(afterLargeRead));

        List<Sent> acknowledgements = feedByteByByte(bytes.slice(3 * WINDOW + WINDOW / 2, WINDOW + 1),
                server::feed, server::bytesReceived, client::received);
        assertThat(acknowledgements).as("the next window counts from the acknowledged bytes")
                .containsExactly(new Sent(afterLargeRead + WINDOW, new Acknowledgement(afterLargeRead + WINDOW)));
    }

    @Test
    void clientAcknowledgesEachWindowAtItsLastByte() {
        WireServer server = ClientSessionTest.publishing();
        server.send(new WindowAckSize(WINDOW), 2);
        long announced = server.client.bytesReceived();
        assertThat(announced).isLessThan(WINDOW);
        assertThat(server.received()).isEmpty();

        List<Sent> acknowledgements = feedByteByByte(server.encode(new Video(0, 1, new byte[2 * WINDOW]), 6),
                server.client::feed, server.client::bytesReceived, server::received);

        assertThat(acknowledgements).containsExactly(new Sent(WINDOW, new Acknowledgement(WINDOW)),
                new Sent(2 * WINDOW, new Acknowledgement(2 * WINDOW)));
    }

    @Test
    void clientAcknowledgesSeveralWindowsInOneReadOnce() {
        WireServer server = ClientSessionTest.publishing();
        server.send(new WindowAckSize(WINDOW), 2);
        server.client.feed(server.encode(new Video(0, 1, new byte[4 * WINDOW]), 6));
        assertThat(server.received()).containsExactly(new Acknowledgement(server.client.bytesReceived()));
    }

    @Test
    void sequenceNumbersWrapAt32Bits() {
        AcknowledgementWindow window = new AcknowledgementWindow();
        window.windowSize(WINDOW);
        window.received(Integer.MAX_VALUE);
        window.received(Integer.MAX_VALUE);
        window.received(WINDOW);
        assertThat(window.acknowledgementDue()).isTrue();
        assertThat(window.sequenceNumber()).isEqualTo(2L * Integer.MAX_VALUE + WINDOW - (1L << 32));
        assertThat(window.received()).isEqualTo(2L * Integer.MAX_VALUE + WINDOW);
    }

    /** A shared object message (ignored by the server session) of about {@code length} bytes on the wire. */
    private static ByteBuffer sharedObject(WireClient client, int length) {
        return client.encode(new RawMessage(3, 0, MessageType.SHARED_OBJECT_AMF0.id(), 0, new byte[length]));
    }

    private static List<Sent> feedByteByByte(ByteBuffer bytes, Consumer<ByteBuffer> feed, LongSupplier received,
            Supplier<List<RtmpMessage>> replies) {
        List<Sent> sent = new ArrayList<>();
        while (bytes.hasRemaining()) {
            feed.accept(bytes.slice(bytes.position(), 1));
            bytes.position(bytes.position() + 1);
            for (RtmpMessage reply : replies.get()) {
                sent.add(new Sent(received.getAsLong(), reply));
            }
        }
        return sent;
    }
}
