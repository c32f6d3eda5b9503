package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sluice.media.amf.Amf0Null;
import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0StrictArray;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Value;
import io.sluice.media.amf.Amf0Writer;
import io.sluice.media.amf.AmfLimits;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.MemoryBudget;
import io.sluice.media.rtmp.chunk.RawMessage;
import io.sluice.media.rtmp.handshake.ClientHandshake;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import io.sluice.media.rtmp.message.Audio;
import io.sluice.media.rtmp.message.CommandAmf0;
import io.sluice.media.rtmp.message.MessageType;
import io.sluice.media.rtmp.message.SetChunkSize;
import io.sluice.media.rtmp.message.Video;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each limit broken through a whole server session, one past the limit (the layers' own tests cover N-1,
 * N and N+1): the session ends FAILED with the limit's stable name and a Failed event, and no method
 * throws.
 */
class SessionLimitsTest {

    private static final int TOP_LEVEL = 8;

    static Stream<Arguments> breaches() {
        RtmpLimits base = RtmpLimits.DEFAULTS;
        return Stream.of(
                arguments(RtmpLimits.MAX_HANDSHAKE_BYTES, base.withMaxHandshakeBytes(RtmpLimits.HANDSHAKE_BYTES - 1),
                        (Consumer<RtmpServerSession>) SessionLimitsTest::handshake),
                arguments(RtmpLimits.MAX_CHUNK_SIZE, base.withMaxChunkSize(4096),
                        send(client -> client.send(new SetChunkSize(4097), 2))),
                arguments(RtmpLimits.MAX_MESSAGE_LENGTH, base.withMaxMessageLength(1000),
                        publishing(client -> client.send(new Video(0, 1, new byte[1001]), 6))),
                arguments(RtmpLimits.MAX_CHUNK_STREAMS, base.withMaxChunkStreams(2),
                        publishing(client -> client.send(new Audio(0, 1, new byte[1]), 9))),
                arguments(RtmpLimits.MAX_BUFFERED_BYTES, base.withMaxMessageLength(1000).withMaxBufferedBytes(1000),
                        publishing(client -> {
                            // The first 128-byte chunk of a 1000-byte message on chunk stream 6, then 896
                            // bytes of another on 7: 1024 bytes of incomplete messages.
                            client.server.feed(ByteBuffer.allocate(12 + 128)
                                    .put(new byte[] {6, 0, 0, 0, 0, 3, (byte) 0xE8, 9, 1, 0, 0, 0}).put(new byte[128]).flip());
                            client.server.feed(client.encode(new RawMessage(7, 0, 9, 1, new byte[1000]))
                                    .limit(12 + 128 + 6 * 129));
                        })),
                arguments(RtmpLimits.MAX_HELD_PUBLISH_BYTES, base.withMaxHeldPublishBytes(1000),
                        publishing(client -> client.send(new Video(0, 1, new byte[1001]), 6))),
                arguments(AmfLimits.MAX_DEPTH, base.withAmf(new AmfLimits(2, 1024, 64, 64, 1024)), call(nested(3))),
                arguments(AmfLimits.MAX_STRING_LENGTH, base.withAmf(new AmfLimits(8, 32, 64, 64, 1024)),
                        call(new Amf0String("x".repeat(33)))),
                arguments(AmfLimits.MAX_MEMBERS, base.withAmf(new AmfLimits(8, 1024, 4, 64, 1024)),
                        call(new Amf0StrictArray(Collections.<Amf0Value>nCopies(5, Amf0Object.of())))),
                arguments(AmfLimits.MAX_TOP_LEVEL_VALUES, base.withAmf(new AmfLimits(8, 1024, 64, 4, 1024)),
                        call(Amf0Null.INSTANCE, Amf0Null.INSTANCE)),
                arguments(AmfLimits.MAX_VALUES, base.withAmf(new AmfLimits(8, 1024, 64, 64, 5)),
                        call(new Amf0StrictArray(List.of(Amf0Null.INSTANCE, Amf0Null.INSTANCE)))));
    }

    /**
     * A command is its name, transaction id and command object, then arguments: against a limit of
     * {@value #TOP_LEVEL} values side by side, one argument too many fails the session, still before any
     * publish (and so before any stream key was checked).
     */
    @ParameterizedTest(name = "{0} top-level values against a limit of " + TOP_LEVEL)
    @ValueSource(ints = {TOP_LEVEL - 1, TOP_LEVEL, TOP_LEVEL + 1})
    void topLevelValuesOfACommand(int values) {
        RtmpLimits limits = RtmpLimits.DEFAULTS.withAmf(new AmfLimits(8, 1024, 64, TOP_LEVEL, 1024));
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS.withLimits(limits),
                new SplittableRandom(3));
        WireClient client = WireClient.connected(server);
        client.send(CommandAmf0.of(0, "getStreamLength", 2,
                Collections.nCopies(values - 3, Amf0Null.INSTANCE).toArray(Amf0Value[]::new)), 3);

        if (values <= TOP_LEVEL) {
            assertThat(server.state()).isEqualTo(ServerState.CONNECTED);
            assertThat(client.received()).singleElement().isInstanceOfSatisfying(CommandAmf0.class,
                    reply -> assertThat(reply.name()).isEqualTo("_error"));
        } else {
            assertThat(server.state()).isEqualTo(ServerState.FAILED);
            assertThat(server.failure()).get().extracting(SessionFailure::limitName)
                    .isEqualTo(AmfLimits.MAX_TOP_LEVEL_VALUES);
        }
    }

    /**
     * The shape of the attack the value limits are for: before connect, a command as long as RTMP allows,
     * made of empty objects (four bytes each, several times that on the heap once decoded). With the
     * defaults the session fails after 64 of them.
     */
    @Test
    void aLongCommandOfEmptyObjectsFailsBeforeConnect() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(4));
        WireClient client = new WireClient(server);
        ByteBuffer payload = ByteBuffer.allocate(RtmpLimits.RTMP_MAX_MESSAGE_LENGTH & ~3);
        payload.put(Amf0Writer.encode(new Amf0String("connect"), new Amf0Number(1)));
        while (payload.remaining() >= 4) {
            payload.put(new byte[] {Amf0Value.OBJECT, 0, 0, 9});
        }
        client.send(new RawMessage(3, 0, MessageType.COMMAND_AMF0.id(), 0,
                Arrays.copyOf(payload.array(), payload.position())));

        assertThat(server.state()).isEqualTo(ServerState.FAILED);
        assertThat(server.failure()).get().extracting(SessionFailure::limitName)
                .isEqualTo(AmfLimits.MAX_TOP_LEVEL_VALUES);
        assertThat(server.connectRequest()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaches")
    void brokenLimitFailsTheSessionWithItsName(String limitName, RtmpLimits limits,
            Consumer<RtmpServerSession> scenario) {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS.withLimits(limits),
                new SplittableRandom(1));
        scenario.accept(server);

        assertThat(server.state()).isEqualTo(ServerState.FAILED);
        assertThat(server.failure()).get().extracting(SessionFailure::limitName).isEqualTo(limitName);
        assertThat(server.drainEvents()).last().isInstanceOfSatisfying(ServerEvent.Failed.class,
                failed -> assertThat(failed.failure().isLimit()).isTrue());
        server.feed(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        server.inputClosed();
        assertThat(server.state()).isEqualTo(ServerState.FAILED);
    }

    /**
     * Sessions of one process draw on one budget: incomplete messages and media held while a publish is
     * decided count, what one session holds another cannot take, and a session's end gives its share back.
     */
    @Test
    void sessionsShareOneMemoryBudgetAndGiveItBackWhenTheyEnd() {
        MemoryBudget budget = new MemoryBudget(10_000);
        RtmpServerSession first = new RtmpServerSession(RtmpServerConfig.DEFAULTS, budget);
        WireClient a = ServerSessionTest.publishing(first);
        a.send(new Video(0, 1, new byte[5000]), 6);
        assertThat(budget.used()).as("a video message held while the publish is decided").isEqualTo(5000);
        first.acceptPublish();
        assertThat(budget.used()).as("handed over with the accepted publish").isZero();
        first.feed(a.encode(new RawMessage(6, 40, 9, 1, new byte[20_000])).limit(12 + 128 + 46 * 129));
        assertThat(budget.used()).as("6,016 bytes of an incomplete message").isEqualTo(8192);

        RtmpServerSession second = new RtmpServerSession(RtmpServerConfig.DEFAULTS, budget);
        WireClient b = ServerSessionTest.publishing(second);
        second.acceptPublish();
        second.feed(b.encode(new RawMessage(6, 0, 9, 1, new byte[20_000])).limit(12 + 128 + 31 * 129));

        assertThat(second.state()).isEqualTo(ServerState.FAILED);
        assertThat(second.failure()).get().extracting(SessionFailure::limitName).isEqualTo(RtmpLimits.MEMORY_BUDGET);
        assertThat(budget.used()).as("the failed session's bytes are given back").isEqualTo(8192);
        first.end("the service stops the stream");
        assertThat(budget.used()).isZero();
    }

    private static void handshake(RtmpServerSession server) {
        ClientHandshake handshake = new ClientHandshake(HandshakeKind.DIGEST, new SplittableRandom(2),
                RtmpLimits.HANDSHAKE_BYTES);
        server.feed(ByteBuffer.wrap(handshake.start()));
        server.feed(ByteBuffer.wrap(handshake.feed(server.drainOutput())));
    }

    private static Consumer<RtmpServerSession> call(Amf0Value... arguments) {
        return send(client -> client.send(CommandAmf0.of(0, "call", 2, arguments), 3));
    }

    private static Amf0Value nested(int depth) {
        Amf0Value value = new Amf0StrictArray(List.of());
        for (int i = 1; i < depth; i++) {
            value = new Amf0StrictArray(List.of(value));
        }
        return value;
    }

    private static Consumer<RtmpServerSession> send(Consumer<WireClient> messages) {
        return server -> messages.accept(WireClient.connected(server));
    }

    private static Consumer<RtmpServerSession> publishing(Consumer<WireClient> messages) {
        return server -> {
            WireClient client = ServerSessionTest.publishing(server);
            if (!server.state().isTerminal()) {
                messages.accept(client);
            }
        };
    }
}
