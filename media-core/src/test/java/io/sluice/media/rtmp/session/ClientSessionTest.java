package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.amf.Amf0EcmaArray;
import io.sluice.media.amf.Amf0Null;
import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0StrictArray;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Value;
import io.sluice.media.amf.Amf0Writer;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.handshake.HandshakeKind;
import io.sluice.media.rtmp.message.Acknowledgement;
import io.sluice.media.rtmp.message.Audio;
import io.sluice.media.rtmp.message.CommandAmf0;
import io.sluice.media.rtmp.message.DataAmf0;
import io.sluice.media.rtmp.message.SetChunkSize;
import io.sluice.media.rtmp.message.SetPeerBandwidth;
import io.sluice.media.rtmp.message.UserControl;
import io.sluice.media.rtmp.message.Video;
import io.sluice.media.rtmp.message.WindowAckSize;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClientSessionTest {

    @Test
    void sendsTheCommandSequenceFfmpegSends() {
        RtmpClientConfig config = Loopback.clientConfig().withCapabilities(new EnhancedCapabilities(
                List.of("hvc1", "avc1"), Map.of(), Map.of(), EnhancedCapabilities.CAPS_EX_RECONNECT));
        WireServer server = new WireServer(new RtmpClientSession(config, new SplittableRandom(1)));

        assertThat(server.received()).containsExactly(new SetChunkSize(4096), new CommandAmf0(0, 0, "connect", 1,
                Amf0Object.of("app", new Amf0String("live"), "type", new Amf0String("nonprivate"),
                        "flashVer", new Amf0String(RtmpClientConfig.DEFAULT_FLASH_VERSION),
                        "tcUrl", new Amf0String("rtmp://ingest.example:1935/live"),
                        "fourCcList", new Amf0StrictArray(List.of(new Amf0String("hvc1"), new Amf0String("avc1"))),
                        "capsEx", new Amf0Number(1)), List.of()));

        server.send(CommandAmf0.of(0, "_result", 1, Amf0Null.INSTANCE), 3);
        assertThat(server.received()).containsExactly(
                CommandAmf0.of(0, "releaseStream", 2, new Amf0String("key-123")),
                CommandAmf0.of(0, "FCPublish", 3, new Amf0String("key-123")),
                CommandAmf0.of(0, "createStream", 4));

        server.send(CommandAmf0.of(0, "_result", 4, new Amf0Number(7)), 3);
        assertThat(server.received()).containsExactly(
                CommandAmf0.of(7, "publish", 5, new Amf0String("key-123"), new Amf0String("live")));
        assertThat(server.rawReceived.getLast().chunkStreamId()).isEqualTo(8);

        server.send(CommandAmf0.of(7, "onStatus", 0, Amf0Object.of("level", new Amf0String("status"),
                "code", new Amf0String("NetStream.Publish.Start"))), 5);
        assertThat(server.client.state()).isEqualTo(ClientState.PUBLISHING);
        assertThat(server.client.drainEvents()).last().isEqualTo(new ClientEvent.PublishStarted(7));
    }

    @ParameterizedTest
    @EnumSource(PublishType.class)
    void publishesWithEachType(PublishType type) {
        WireServer wire = new WireServer(new RtmpClientSession(Loopback.clientConfig().withPublishType(type),
                new SplittableRandom(7)));
        wire.send(CommandAmf0.of(0, "_result", 1, Amf0Null.INSTANCE), 3);
        wire.send(CommandAmf0.of(0, "_result", 4, new Amf0Number(1)), 3);
        assertThat(wire.received()).last().isEqualTo(CommandAmf0.of(1, "publish", 5, new Amf0String("key-123"),
                new Amf0String(type.wireName())));

        Loopback pair = Loopback.accepting(RtmpServerConfig.DEFAULTS, Loopback.clientConfig().withPublishType(type))
                .startAndPump();
        assertThat(pair.client.state()).isEqualTo(ClientState.PUBLISHING);
        assertThat(pair.serverEvents(ServerEvent.PublishRequested.class)).singleElement()
                .extracting(published -> published.request().type()).isEqualTo(type);
    }

    @Test
    void sendsMediaOnSeparateChunkStreamsWithCompressedHeaders() {
        WireServer server = publishing();
        server.client.sendVideo(0, new byte[] {0x17, 0, 0, 0, 0});
        server.client.sendVideo(40, new byte[] {0x27, 1, 0, 0, 0});
        server.client.sendVideo(80, new byte[] {0x27, 1, 0, 0, 1});
        server.client.sendAudio(0, new byte[] {(byte) 0xAF, 1});
        server.client.sendVideo(120, new byte[] {0x27, 1, 0, 0, 0, 2});

        byte[] bytes = server.receivedBytes();

        int[] basicHeaders = {bytes[0] & 0xFF, bytes[12 + 5] & 0xFF, bytes[12 + 5 + 4 + 5] & 0xFF,
            bytes[12 + 5 + 4 + 5 + 1 + 5] & 0xFF, bytes[12 + 5 + 4 + 5 + 1 + 5 + 12 + 2] & 0xFF};
        assertThat(basicHeaders).as("type 0, 2, 3 on video, type 0 on audio, type 1 on video")
                .containsExactly(0x06, 0x86, 0xC6, 0x04, 0x46);
    }

    @Test
    void splitsMessagesWithTheAnnouncedChunkSize() {
        RtmpClientConfig config = Loopback.clientConfig().withChunkSize(1000);
        WireServer server = publishing(config);
        byte[] frame = new byte[2500];
        frame[0] = 0x17;
        server.client.sendVideo(0, frame);
        assertThat(server.received()).containsExactly(new Video(0, 1, frame));
        assertThat(server.rawReceived.getLast().payload()).hasSize(2500);
    }

    @Test
    void sendsFlvScriptTagsAsSetDataFrame() {
        WireServer server = publishing();
        byte[] scriptTag = Amf0Writer.encode(new Amf0String("onMetaData"),
                new Amf0EcmaArray(Map.of("duration", new Amf0Number(3))));
        server.client.sendMetadata(0, scriptTag);
        assertThat(server.received()).containsExactly(new DataAmf0(0, 1, List.<Amf0Value>of(
                new Amf0String("@setDataFrame"), new Amf0String("onMetaData"),
                new Amf0EcmaArray(Map.of("duration", new Amf0Number(3))))));
    }

    @Test
    void answersControlMessages() {
        WireServer server = publishing();
        server.send(new SetPeerBandwidth(5_000_000, SetPeerBandwidth.LimitType.DYNAMIC), 2);
        server.send(new SetPeerBandwidth(5_000_000, SetPeerBandwidth.LimitType.DYNAMIC), 2);
        server.send(new UserControl.PingRequest(99), 2);
        server.send(new UserControl.StreamBegin(1), 2);
        server.send(new WindowAckSize(10), 2);
        long afterWindow = server.client.bytesReceived();
        server.send(new Audio(0, 1, new byte[20]), 4);
        assertThat(server.received()).containsExactly(new WindowAckSize(5_000_000), new UserControl.PingResponse(99),
                new Acknowledgement(afterWindow), new Acknowledgement(server.client.bytesReceived()));
    }

    @Test
    void honoursTheServersChunkSize() {
        WireServer server = publishing();
        server.send(new SetChunkSize(300), 2);
        server.send(CommandAmf0.of(1, "onStatus", 0, Amf0Object.of("level", new Amf0String("status"),
                "code", new Amf0String("NetStream.Publish.Notice"), "description", new Amf0String("x".repeat(400)))), 5);
        assertThat(server.client.drainEvents()).singleElement().isEqualTo(new ClientEvent.StatusReceived(
                "status", "NetStream.Publish.Notice", "x".repeat(400)));
    }

    @Test
    void createStreamErrorFailsTheClient() {
        WireServer server = new WireServer(new RtmpClientSession(Loopback.clientConfig(), new SplittableRandom(2)));
        server.send(CommandAmf0.of(0, "_result", 1, Amf0Null.INSTANCE), 3);
        server.send(CommandAmf0.of(0, "_error", 2, Amf0Object.of("level", new Amf0String("error"))), 3);
        assertThat(server.client.state()).as("errors to releaseStream are ignored").isEqualTo(ClientState.CREATING_STREAM);
        server.send(CommandAmf0.of(0, "_error", 4, Amf0Object.of("level", new Amf0String("error"),
                "code", new Amf0String("NetConnection.Call.Failed"))), 3);
        assertThat(server.client.failure()).hasValue(new ClientFailure(ClientFailure.Kind.CREATE_STREAM_FAILED,
                "NetConnection.Call.Failed", "NetConnection.Call.Failed", null));
    }

    @Test
    void errorStatusWhilePublishingIsAServerError() {
        WireServer server = publishing();
        server.send(CommandAmf0.of(1, "onStatus", 0, Amf0Object.of("level", new Amf0String("error"),
                "code", new Amf0String("NetStream.Publish.Denied"), "description", new Amf0String("over quota"))), 5);
        assertThat(server.client.failure()).hasValue(new ClientFailure(ClientFailure.Kind.SERVER_ERROR,
                "NetStream.Publish.Denied", "over quota", null));
        assertThat(server.client.sendAudio(0, new byte[1])).as("dropped: the session has failed").isFalse();
        assertThat(server.client.hasOutput()).isFalse();
    }

    /**
     * What a forwarding loop sees when the server ends the session between two of its reads: the calls it
     * makes for media already on its way return false and queue nothing, the Failed event says why once,
     * and nothing throws.
     */
    @Test
    void sendsAfterTheEndAreDroppedAndReportedByTheirResult() {
        WireServer server = publishing();
        assertThat(server.client.sendVideo(0, new byte[] {0x17, 0})).isTrue();
        server.received();
        server.client.inputClosed();

        assertThat(server.client.sendVideo(40, new byte[] {0x27, 1})).isFalse();
        assertThat(server.client.sendAudio(40, new byte[] {(byte) 0xAF, 1})).isFalse();
        assertThat(server.client.sendMetadata(40, Map.of("width", new Amf0Number(320)))).isFalse();
        assertThat(server.client.sendMetadata(40, new byte[] {(byte) 0xFF})).as("not even parsed").isFalse();
        assertThat(server.client.unpublish()).isFalse();

        assertThat(server.client.hasOutput()).isFalse();
        assertThat(server.client.drainEvents()).singleElement().isEqualTo(new ClientEvent.Failed(new ClientFailure(
                ClientFailure.Kind.CLOSED_BY_SERVER, null, "the server closed the connection while PUBLISHING", null)));
        assertThat(server.client.state()).isEqualTo(ClientState.FAILED);
    }

    @Test
    void sendsAfterUnpublishingAreDropped() {
        WireServer server = publishing();
        assertThat(server.client.unpublish()).isTrue();
        server.received();
        assertThat(server.client.sendVideo(0, new byte[] {0x17, 0})).isFalse();
        assertThat(server.client.unpublish()).isFalse();
        assertThat(server.client.hasOutput()).isFalse();
        assertThat(server.client.state()).isEqualTo(ClientState.CLOSED);
    }

    @Test
    void aServerBreakingALimitFailsTheClient() {
        RtmpClientConfig config = Loopback.clientConfig().withLimits(RtmpLimits.DEFAULTS.withMaxMessageLength(100));
        WireServer server = new WireServer(new RtmpClientSession(config, new SplittableRandom(3)));
        server.send(new Video(0, 1, new byte[101]), 6);
        assertThat(server.client.failure()).get().extracting(ClientFailure::kind, ClientFailure::limitName)
                .containsExactly(ClientFailure.Kind.LIMIT_EXCEEDED, RtmpLimits.MAX_MESSAGE_LENGTH);
    }

    @Test
    void aBadHandshakeIsAProtocolError() {
        RtmpClientSession client = new RtmpClientSession(Loopback.clientConfig(), new SplittableRandom(4));
        client.start();
        client.feed(ByteBuffer.wrap(new byte[] {6}));
        assertThat(client.failure()).get().extracting(ClientFailure::kind).isEqualTo(ClientFailure.Kind.PROTOCOL_ERROR);
        client.feed(ByteBuffer.wrap(new byte[] {1, 2}));
        assertThat(client.state()).isEqualTo(ClientState.FAILED);
    }

    @Test
    void refusesMisuse() {
        RtmpClientSession client = new RtmpClientSession(Loopback.clientConfig());
        assertThatThrownBy(() -> client.feed(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.sendVideo(0, new byte[1])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(client::unpublish).isInstanceOf(IllegalStateException.class);
        client.start();
        assertThatThrownBy(client::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.sendAudio(0, new byte[1])).as("media before PublishStarted")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.sendMetadata(0, Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parsesPublishUrls() {
        RtmpClientConfig config = RtmpClientConfig.forUrl("rtmps://live.example.com:443/app2/stream/key?token=a");
        assertThat(config.tcUrl()).isEqualTo("rtmps://live.example.com:443/app2");
        assertThat(config.app()).isEqualTo("app2");
        assertThat(config.streamName()).isEqualTo("stream/key?token=a");
        assertThat(config.handshake()).isEqualTo(HandshakeKind.DIGEST);
        assertThatThrownBy(() -> RtmpClientConfig.forUrl("rtmp://host/onlyapp"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ignoresMediaAndNotificationsFromTheServer() {
        WireServer server = publishing();
        server.send(new Video(0, 1, new byte[] {1}), 6);
        server.send(CommandAmf0.of(0, "onBWDone", 0, new Amf0Number(8192)), 3);
        assertThat(server.client.drainEvents()).isEmpty();
        assertThat(server.client.state()).isEqualTo(ClientState.PUBLISHING);
    }

    static WireServer publishing() {
        return publishing(Loopback.clientConfig());
    }

    static WireServer publishing(RtmpClientConfig config) {
        WireServer server = new WireServer(new RtmpClientSession(config, new SplittableRandom(6)));
        server.send(CommandAmf0.of(0, "_result", 1, Amf0Null.INSTANCE), 3);
        server.send(CommandAmf0.of(0, "_result", 4, new Amf0Number(1)), 3);
        server.send(CommandAmf0.of(1, "onStatus", 0, Amf0Object.of("level", new Amf0String("status"),
                "code", new Amf0String("NetStream.Publish.Start"))), 5);
        server.received();
        server.client.drainEvents();
        assertThat(server.client.state()).isEqualTo(ClientState.PUBLISHING);
        return server;
    }
}
