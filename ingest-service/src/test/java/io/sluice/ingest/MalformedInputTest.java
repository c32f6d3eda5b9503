package io.sluice.ingest;

import static io.restassured.RestAssured.given;
import static io.sluice.ingest.support.RtmpBytes.amfNull;
import static io.sluice.ingest.support.RtmpBytes.amfNumber;
import static io.sluice.ingest.support.RtmpBytes.amfObject;
import static io.sluice.ingest.support.RtmpBytes.amfString;
import static io.sluice.ingest.support.RtmpBytes.concat;
import static io.sluice.ingest.support.RtmpBytes.connect;
import static io.sluice.ingest.support.RtmpBytes.control;
import static io.sluice.ingest.support.RtmpBytes.message;
import static io.sluice.ingest.support.RtmpBytes.u32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.ingest.support.Metrics;
import io.sluice.ingest.support.RtmpBytes;
import io.sluice.ingest.support.ServerClose;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.RegistryWriter;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input from a raw socket: each case ends that one connection, is counted as one refusal with the
 * reason it names, and leaves the process and a live session running beside it untouched (checked once
 * every case has run).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedInputTest {

    /** Where the bad bytes go: before the handshake, after it, or on a published stream. */
    enum Stage {
        RAW,
        AFTER_HANDSHAKE,
        PUBLISHED
    }

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Inject
    TestRegistry registry;

    /** A healthy live stream that must outlive every bad connection. */
    private LiveBystander bystander;

    @BeforeAll
    void startBystander() {
        bystander = LiveBystander.start(registry, rtmpPort);
    }

    @AfterAll
    void stopBystander() {
        bystander.close();
    }

    static Stream<Arguments> malformedInputs() {
        byte[] smallCommand = concat(amfString("releaseStream"), amfNumber(2), amfNull(), amfString("x"));
        return Stream.of(
                // The handshake.
                Arguments.of("C0 asks for RTMP version 5", Stage.RAW, "protocol_error", concat(new byte[] {5}, new byte[1536])),
                Arguments.of("C0 asks for version 0", Stage.RAW, "protocol_error", concat(new byte[] {0}, new byte[1536])),
                Arguments.of("an HTTP request", Stage.RAW, "protocol_error",
                        "GET / HTTP/1.1\r\nHost: ingest\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("a TLS ClientHello on the plain port", Stage.RAW, "protocol_error",
                        concat(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00}, new byte[512])),
                Arguments.of("random bytes", Stage.RAW, "protocol_error", randomBytes(4000)),
                // Chunk stream and protocol control.
                Arguments.of("Set Chunk Size 0", Stage.AFTER_HANDSHAKE, "protocol_error", control(1, u32(0))),
                Arguments.of("Set Chunk Size past the limit", Stage.AFTER_HANDSHAKE, "max_chunk_size",
                        control(1, u32(0x7FFF_FFFFL))),
                Arguments.of("Set Chunk Size with the reserved bit", Stage.AFTER_HANDSHAKE, "protocol_error",
                        control(1, u32(0x8000_0080L))),
                Arguments.of("a message one byte past the size limit", Stage.AFTER_HANDSHAKE, "max_message_length",
                        message(3, 0, 8 * 1024 * 1024 + 1, 9, 1, new byte[64])),
                Arguments.of("a message of RTMP's maximum length", Stage.AFTER_HANDSHAKE, "max_message_length",
                        message(3, 0, 0xFF_FFFF, 9, 1, new byte[64])),
                Arguments.of("too many chunk streams in flight", Stage.AFTER_HANDSHAKE, "max_chunk_streams",
                        tooManyChunkStreams()),
                Arguments.of("a continuation chunk on a chunk stream never started", Stage.AFTER_HANDSHAKE, "protocol_error",
                        concat(new byte[] {(byte) 0xC5}, new byte[16])),
                Arguments.of("a type-1 header on a chunk stream never started", Stage.AFTER_HANDSHAKE, "protocol_error",
                        concat(new byte[] {0x45, 0, 0, 0, 0, 0, 4, 20}, new byte[4])),
                Arguments.of("a type-2 header on a chunk stream never started", Stage.AFTER_HANDSHAKE, "protocol_error",
                        concat(new byte[] {(byte) 0x85, 0, 0, 0}, new byte[8])),
                Arguments.of("a User Control message of one byte", Stage.AFTER_HANDSHAKE, "protocol_error",
                        control(4, new byte[] {0})),
                Arguments.of("an Acknowledgement of two bytes", Stage.AFTER_HANDSHAKE, "protocol_error",
                        control(3, new byte[] {0, 1})),
                Arguments.of("a Window Acknowledgement Size of two bytes", Stage.AFTER_HANDSHAKE, "protocol_error",
                        control(5, new byte[] {0, 1})),
                Arguments.of("a Set Peer Bandwidth of three bytes", Stage.AFTER_HANDSHAKE, "protocol_error",
                        control(6, new byte[] {0, 0, 1})),
                Arguments.of("an aggregate message whose part overruns it", Stage.AFTER_HANDSHAKE, "protocol_error",
                        message(4, 22, 1, concat(new byte[] {9, 0, 0x03, (byte) 0xE8, 0, 0, 0, 0, 0, 0, 0}, new byte[20]))),
                // AMF and commands.
                Arguments.of("an AMF0 object nested 100 deep", Stage.AFTER_HANDSHAKE, "max_amf_depth",
                        message(3, 20, 0, deepObject(100))),
                Arguments.of("an AMF0 string longer than its message", Stage.AFTER_HANDSHAKE, "protocol_error",
                        message(3, 20, 0, concat(new byte[] {0x02, 0x03, (byte) 0xE8}, "connect".getBytes(StandardCharsets.US_ASCII)))),
                Arguments.of("an unknown AMF0 type marker", Stage.AFTER_HANDSHAKE, "protocol_error",
                        message(3, 20, 0, concat(amfString("connect"), amfNumber(1), new byte[] {0x42, 1, 2, 3}))),
                Arguments.of("an AMF0 long string of 2 GiB", Stage.AFTER_HANDSHAKE, "max_amf_string_length",
                        message(3, 20, 0, concat(amfString("connect"), amfNumber(1), new byte[] {0x0C}, u32(0x7FFF_FFFFL)))),
                Arguments.of("an AMF0 strict array of 2^31 items", Stage.AFTER_HANDSHAKE, "max_amf_members",
                        message(3, 20, 0, concat(amfString("connect"), amfNumber(1), new byte[] {0x0A}, u32(0x7FFF_FFFFL)))),
                // The count of an ECMA array is a hint AMF0 readers ignore: this is an empty command object,
                // so a connect without an application.
                Arguments.of("an AMF0 ECMA array of 2^31 items", Stage.AFTER_HANDSHAKE, "connect_rejected",
                        message(3, 20, 0, concat(amfString("connect"), amfNumber(1), new byte[] {0x08}, u32(0x7FFF_FFFFL)))),
                Arguments.of("an AMF0 reference to nothing", Stage.AFTER_HANDSHAKE, "protocol_error",
                        message(3, 20, 0, concat(amfString("connect"), amfNumber(1), new byte[] {0x07, 0, 5}))),
                Arguments.of("an AMF3 command with an unknown marker", Stage.AFTER_HANDSHAKE, "protocol_error",
                        message(3, 17, 0, concat(new byte[] {0}, amfString("connect"), amfNumber(1), new byte[] {0x11, 0x7F}))),
                Arguments.of("a command whose name is a number", Stage.AFTER_HANDSHAKE, "protocol_error",
                        message(3, 20, 0, concat(amfNumber(5), amfNumber(1), amfNull()))),
                Arguments.of("connect without an application", Stage.AFTER_HANDSHAKE, "connect_rejected",
                        message(3, 20, 0, concat(amfString("connect"), amfNumber(1), amfObject("tcUrl", "rtmp://x/")))),
                Arguments.of("connect to another application", Stage.AFTER_HANDSHAKE, "connect_rejected",
                        message(3, 20, 0, concat(amfString("connect"), amfNumber(1), amfObject("app", "vod")))),
                Arguments.of("connect twice", Stage.AFTER_HANDSHAKE, "protocol_error", concat(connect(), connect())),
                Arguments.of("publish before connect", Stage.AFTER_HANDSHAKE, "protocol_error",
                        message(3, 20, 1, concat(amfString("publish"), amfNumber(5), amfNull(), amfString("key"), amfString("live")))),
                Arguments.of("a command before connect", Stage.AFTER_HANDSHAKE, "protocol_error",
                        message(3, 20, 0, smallCommand)),
                // A published stream.
                Arguments.of("video timestamps jumping back 20 s", Stage.PUBLISHED, "timestamp_regression", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    @Order(1)
    void endsThatConnectionOnly(String name, Stage stage, String reason, byte[] input) throws Exception {
        Map<String, Double> refusalsBefore = Metrics.refusalsByReason();

        boolean closed = switch (stage) {
            case RAW, AFTER_HANDSHAKE -> sendOnRawSocket(stage, input);
            case PUBLISHED -> timestampsJumpBack();
        };

        assertThat(closed).as("the server closed the connection").isTrue();
        assertThat(Metrics.refusalsSince(refusalsBefore)).as("counted once, as " + reason).isEqualTo(Map.of(reason, 1.0));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        bystander.assertStillPublishing();
    }

    @Test
    @Order(2)
    void theLiveStreamBesideThemWasNeverInterrupted() {
        bystander.assertUnharmed();
    }

    private boolean sendOnRawSocket(Stage stage, byte[] input) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", rtmpPort), 5000);
            socket.setSoTimeout(5000);
            if (stage == Stage.AFTER_HANDSHAKE) {
                RtmpBytes.handshake(socket);
            }
            try {
                socket.getOutputStream().write(input);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                return true;
            }
            return ServerClose.within(socket, Duration.ofSeconds(5));
        }
    }

    private boolean timestampsJumpBack() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (RawRtmpClient client = RawRtmpClient.connect("rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            client.awaitPublishing(Duration.ofSeconds(5));
            byte[] keyframe = {0x17, 0x01, 0, 0, 0, 0, 0, 0, 1, 0x65};
            // Type-0 headers carry absolute timestamps: how encoders send a step back.
            client.sendRaw(message(7, 20_000, keyframe.length, 9, client.streamId(), keyframe));
            client.sendRaw(message(7, 0, keyframe.length, 9, client.streamId(), keyframe));
            return client.awaitServerClose(Duration.ofSeconds(5));
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(20261124).nextBytes(bytes);
        bytes[0] = (byte) 0xEE;
        return bytes;
    }

    /** Starts a 200-byte message on each of 100 chunk streams and never finishes one. */
    private static byte[] tooManyChunkStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int csid = 4; csid < 104; csid++) {
            byte[] partial = message(csid, 0, 200, 9, 1, new byte[128]);
            out.writeBytes(partial);
        }
        return out.toByteArray();
    }

    private static byte[] deepObject(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(amfString("connect"));
        out.writeBytes(amfNumber(1));
        for (int i = 0; i < depth; i++) {
            out.write(0x03);
            out.writeBytes(new byte[] {0, 1, 'a'});
        }
        out.write(0x05);
        for (int i = 0; i < depth; i++) {
            out.writeBytes(new byte[] {0, 0, 0x09});
        }
        return out.toByteArray();
    }
}
