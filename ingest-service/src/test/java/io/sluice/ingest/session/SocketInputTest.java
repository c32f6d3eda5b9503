package io.sluice.ingest.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SocketInput} over a real Vert.x server and client on loopback. */
class SocketInputTest {

    /** How long a paused input is watched for a read that must not happen. */
    private static final Duration PAUSE_WATCH = Duration.ofSeconds(1);
    private static final Duration BOUND = Duration.ofSeconds(10);

    private Vertx vertx;
    private NetServer server;
    private final CompletableFuture<Accepted> accepted = new CompletableFuture<>();

    /**
     * The server's side of the connection, what its input delivered, in order ("end" marks the end), and the
     * size of each read.
     */
    private record Accepted(NetSocket socket, SocketInput input, List<Object> delivered, ByteArrayOutputStream bytes,
            List<Integer> readSizes) {
    }

    @BeforeEach
    void listen() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createNetServer().connectHandler(socket -> {
            SocketInput input = new SocketInput(socket);
            List<Object> delivered = new CopyOnWriteArrayList<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<Integer> readSizes = new CopyOnWriteArrayList<>();
            input.start(read -> {
                delivered.add(read);
                readSizes.add(read.readableBytes());
                synchronized (bytes) {
                    byte[] copy = new byte[read.readableBytes()];
                    read.getBytes(read.readerIndex(), copy);
                    bytes.writeBytes(copy);
                }
            });
            socket.endHandler(v -> delivered.add("end"));
            input.resume();
            accepted.complete(new Accepted(socket, input, delivered, bytes, readSizes));
        });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyReadIsNettysPooledBufferGivenBackOnceTheConsumerReturns() throws Exception {
        byte[] sent = randomBytes(300_000);
        NetSocket client = connect();
        client.write(Buffer.buffer(sent)).compose(v -> client.end());

        Accepted server = accepted.get(10, TimeUnit.SECONDS);
        await().atMost(BOUND).until(() -> server.delivered().contains("end"));
        assertThat(bytesOf(server)).isEqualTo(sent);
        List<ByteBuf> reads = server.delivered().stream().filter(ByteBuf.class::isInstance).map(ByteBuf.class::cast).toList();
        assertThat(reads).isNotEmpty().allSatisfy(read -> {
            // Not a copy made for the handler: the buffer Netty read into, from its pool, back there now.
            assertThat(read.alloc()).isInstanceOf(PooledByteBufAllocator.class);
            assertThat(read.refCnt()).isZero();
        });
    }

    /**
     * After a run of small reads (audio messages) a video frame of a few Mbit/s still comes in one read: the
     * read buffer does not shrink below {@link SocketInput#MIN_READ_BYTES} with the reads before it.
     */
    @Test
    void aFrameAfterManySmallReadsComesInOneRead() throws Exception {
        NetSocket client = connect();
        Accepted server = accepted.get(10, TimeUnit.SECONDS);
        for (int i = 1; i <= 20; i++) {
            client.write(Buffer.buffer(randomBytes(300)));
            int expected = 300 * i;
            await().atMost(BOUND).until(() -> bytesOf(server).length == expected);
        }
        int frame = 12_000;
        client.write(Buffer.buffer(randomBytes(frame)));
        await().atMost(BOUND).until(() -> bytesOf(server).length == 20 * 300 + frame);

        assertThat(server.readSizes()).as("twenty small reads, then the frame in one").hasSize(21).last().isEqualTo(frame);
    }

    @Test
    void nothingIsReadWhilePausedAndWhatCameMeanwhileIsDeliveredBeforeTheEnd() throws Exception {
        NetSocket client = connect();
        client.write(Buffer.buffer("first"));
        Accepted server = accepted.get(10, TimeUnit.SECONDS);
        await().atMost(BOUND).until(() -> "first".equals(new String(bytesOf(server))));
        onLoop(server.input()::pause);

        // Far more than the kernel's socket buffers hold: the write completes only if the server reads.
        byte[] more = randomBytes(64 << 20);
        CompletableFuture<Void> written = client.write(Buffer.buffer(more)).toCompletionStage().toCompletableFuture();
        await().during(PAUSE_WATCH).atMost(PAUSE_WATCH.plus(BOUND)).until(() -> !written.isDone());
        assertThat(bytesOf(server)).hasSize("first".length());
        client.end();

        onLoop(server.input()::resume);
        await().atMost(BOUND).until(() -> server.delivered().contains("end"));
        assertThat(Arrays.copyOfRange(bytesOf(server), "first".length(), bytesOf(server).length)).isEqualTo(more);
        assertThat(server.delivered().getLast()).isEqualTo("end");
    }

    @Test
    void aReadThatArrivesWhilePausedWaitsAndIsGivenBackWhenDiscarded() throws Exception {
        NetSocket client = connect();
        client.write(Buffer.buffer("hello"));
        Accepted server = accepted.get(10, TimeUnit.SECONDS);
        await().atMost(BOUND).until(() -> bytesOf(server).length == 5);
        AtomicReference<ByteBuf> late = new AtomicReference<>();
        onLoop(() -> {
            server.input().pause();
            // What a read already under way (or TLS, several records of one read) delivers after the pause.
            ByteBuf read = PooledByteBufAllocator.DEFAULT.directBuffer(16).writeBytes("late".getBytes());
            late.set(read);
            ((NetSocketInternal) server.socket()).channelHandlerContext().pipeline().fireChannelRead(read);
        });
        assertThat(late.get().refCnt()).isOne();
        assertThat(bytesOf(server)).hasSize(5);

        onLoop(server.input()::discard);
        assertThat(late.get().refCnt()).isZero();
        onLoop(server.input()::resume);
        assertThat(bytesOf(server)).hasSize(5);
    }

    @Test
    void aReadThatArrivesWhilePausedIsDeliveredOnResume() throws Exception {
        NetSocket client = connect();
        client.write(Buffer.buffer("hello"));
        Accepted server = accepted.get(10, TimeUnit.SECONDS);
        await().atMost(BOUND).until(() -> bytesOf(server).length == 5);
        AtomicBoolean delivered = new AtomicBoolean();
        onLoop(() -> {
            server.input().pause();
            ByteBuf read = PooledByteBufAllocator.DEFAULT.directBuffer(16).writeBytes(" world".getBytes());
            ((NetSocketInternal) server.socket()).channelHandlerContext().pipeline().fireChannelRead(read);
            delivered.set(bytesOf(server).length > 5);
            server.input().resume();
        });
        assertThat(delivered).as("delivered while paused").isFalse();
        assertThat(new String(bytesOf(server))).isEqualTo("hello world");
    }

    private NetSocket connect() throws Exception {
        return vertx.createNetClient().connect(server.actualPort(), "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on the connection's event loop, which owns the input, and waits for it. */
    private void onLoop(Runnable action) throws Exception {
        NetSocketInternal socket = (NetSocketInternal) accepted.get().socket();
        CompletableFuture<Void> done = new CompletableFuture<>();
        socket.channelHandlerContext().executor().execute(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private static byte[] bytesOf(Accepted server) {
        synchronized (server.bytes()) {
            return server.bytes().toByteArray();
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
