package io.sluice.media.rtmp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.media.amf.Amf0EcmaArray;
import io.sluice.media.amf.Amf0Null;
import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0Properties;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Undefined;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.message.Aggregate;
import io.sluice.media.rtmp.message.Audio;
import io.sluice.media.rtmp.message.CommandAmf0;
import io.sluice.media.rtmp.message.DataAmf0;
import io.sluice.media.rtmp.message.RtmpMessage;
import io.sluice.media.rtmp.message.SetChunkSize;
import io.sluice.media.rtmp.message.SetPeerBandwidth;
import io.sluice.media.rtmp.message.UserControl;
import io.sluice.media.rtmp.message.Video;
import io.sluice.media.rtmp.message.WindowAckSize;
import io.sluice.media.rtmp.session.ServerEvent.AudioReceived;
import io.sluice.media.rtmp.session.ServerEvent.Closed;
import io.sluice.media.rtmp.session.ServerEvent.Connected;
import io.sluice.media.rtmp.session.ServerEvent.DataReceived;
import io.sluice.media.rtmp.session.ServerEvent.Failed;
import io.sluice.media.rtmp.session.ServerEvent.MetadataReceived;
import io.sluice.media.rtmp.session.ServerEvent.PublishRequested;
import io.sluice.media.rtmp.session.ServerEvent.PublishStopped;
import io.sluice.media.rtmp.session.ServerEvent.VideoReceived;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerSessionTest {

    @Test
    void publishesFromConnectToUnpublish() {
        Loopback pair = Loopback.accepting(RtmpServerConfig.DEFAULTS, Loopback.clientConfig()).startAndPump();
        assertThat(pair.client.state()).isEqualTo(ClientState.PUBLISHING);
        assertThat(pair.server.state()).isEqualTo(ServerState.PUBLISHING);

        pair.client.sendMetadata(0, Map.of("width", new Amf0Number(320)));
        pair.client.sendVideo(0, new byte[] {0x17, 0, 0, 0, 0});
        pair.client.sendAudio(0, new byte[] {(byte) 0xAF, 0});
        pair.client.sendVideo(40, new byte[] {0x27, 1, 0, 0, 0});
        pair.client.unpublish();
        pair.pump();

        assertThat(pair.serverEvents).map(Object::getClass).map(Class::getSimpleName).containsExactly(
                "Connected", "PublishRequested", "MetadataReceived", "VideoReceived", "AudioReceived",
                "VideoReceived", "PublishStopped");
        Connected connected = pair.serverEvents(Connected.class).getFirst();
        assertThat(connected.request().app()).isEqualTo("live");
        assertThat(connected.request().tcUrl()).isEqualTo("rtmp://ingest.example:1935/live");
        assertThat(connected.request().flashVer()).isEqualTo(RtmpClientConfig.DEFAULT_FLASH_VERSION);
        PublishRequest publish = pair.serverEvents(PublishRequested.class).getFirst().request();
        assertThat(publish).isEqualTo(new PublishRequest("live", "key-123", PublishType.LIVE, 1,
                "rtmp://ingest.example:1935/live"));
        assertThat(publish.toString()).as("the stream key stays out of logs").doesNotContain("key-123");
        assertThat(Loopback.clientConfig().toString()).doesNotContain("key-123");
        assertThat(pair.serverEvents(MetadataReceived.class).getFirst().metadata().number("width")).hasValue(320);
        assertThat(pair.serverEvents(VideoReceived.class)).extracting(VideoReceived::timestamp).containsExactly(0L, 40L);
        assertThat(pair.serverEvents(AudioReceived.class).getFirst().payload()).containsExactly(0xAF, 0);
        assertThat(pair.serverEvents(PublishStopped.class).getFirst().command()).isEqualTo("FCUnpublish");
        assertThat(pair.server.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(pair.clientEvents).map(Object::getClass).map(Class::getSimpleName)
                .containsExactly("Connected", "PublishStarted", "Closed");
    }

    @Test
    void answersConnectTheWayEncodersExpect() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(4));
        WireClient client = new WireClient(server);
        client.send(new CommandAmf0(0, 0, "connect", 1, Amf0Object.of("app", new Amf0String("live"),
                "objectEncoding", new Amf0Number(3)), List.of()), 3);

        List<RtmpMessage> replies = client.received();

        assertThat(replies).hasSize(4);
        assertThat(replies.subList(0, 3)).containsExactly(new WindowAckSize(2_500_000),
                new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC), new SetChunkSize(4096));
        assertThat(replies.get(3)).isEqualTo(new CommandAmf0(0, 0, "_result", 1,
                Amf0Object.of("fmsVer", new Amf0String("FMS/3,5,7,7009"), "capabilities", new Amf0Number(31),
                        "mode", new Amf0Number(1)),
                List.of(Amf0Object.of("level", new Amf0String("status"),
                        "code", new Amf0String("NetConnection.Connect.Success"),
                        "description", new Amf0String("Connection succeeded."),
                        "objectEncoding", new Amf0Number(3)))));
    }

    @Test
    void answersStreamSetupAndAcceptedPublish() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(5));
        WireClient client = WireClient.connected(server);
        client.send(CommandAmf0.of(0, "releaseStream", 2, new Amf0String("key")), 3);
        client.send(CommandAmf0.of(0, "FCPublish", 3, new Amf0String("key")), 3);
        client.send(CommandAmf0.of(0, "createStream", 4), 3);
        client.send(CommandAmf0.of(1, "publish", 5, new Amf0String("key"), new Amf0String("live")), 8);
        assertThat(client.received()).containsExactly(
                CommandAmf0.of(0, "_result", 2, Amf0Undefined.INSTANCE),
                CommandAmf0.of(0, "_result", 3, Amf0Undefined.INSTANCE),
                CommandAmf0.of(0, "onFCPublish", 0, status("status", "NetStream.Publish.Start", "FCPublish received.")),
                CommandAmf0.of(0, "_result", 4, new Amf0Number(1)));

        assertThat(server.acceptPublish()).isTrue();

        assertThat(client.received()).containsExactly(new UserControl.StreamBegin(1),
                CommandAmf0.of(1, "onStatus", 0, status("status", "NetStream.Publish.Start", "Publishing started.")));
    }

    /**
     * Section 7.2.2.6 defines live, record and append; FMS's appendWithGap is reported as append, and an
     * absent or unknown type as live, rather than refusing the publish.
     */
    @ParameterizedTest(name = "publish type {0} is reported as {1}")
    @CsvSource(nullValues = "(absent)", value = {"live, LIVE", "record, RECORD", "append, APPEND",
        "appendWithGap, APPEND", "(absent), LIVE", "vod, LIVE"})
    void acceptsAndReportsEachPublishType(String wireName, PublishType reported) {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(25));
        WireClient client = WireClient.connected(server);
        client.send(CommandAmf0.of(0, "createStream", 4), 3);
        client.send(wireName == null ? CommandAmf0.of(1, "publish", 5, new Amf0String("key"))
                : CommandAmf0.of(1, "publish", 5, new Amf0String("key"), new Amf0String(wireName)), 8);
        client.received();

        assertThat(server.drainEvents()).singleElement().isEqualTo(new PublishRequested(new PublishRequest("live",
                "key", reported, 1, "rtmp://localhost/live")));
        assertThat(server.publishRequest()).get().extracting(PublishRequest::type).isEqualTo(reported);
        assertThat(server.acceptPublish()).isTrue();
        assertThat(client.received()).containsExactly(new UserControl.StreamBegin(1),
                CommandAmf0.of(1, "onStatus", 0, status("status", "NetStream.Publish.Start", "Publishing started.")));
        assertThat(server.state()).isEqualTo(ServerState.PUBLISHING);
    }

    @ParameterizedTest
    @EnumSource(PublishRefusal.class)
    void refusedPublishEndsTheSessionAndFailsTheClient(PublishRefusal refusal) {
        Loopback pair = new Loopback(RtmpServerConfig.DEFAULTS, Loopback.clientConfig(), (server, event) -> {
            if (event instanceof PublishRequested) {
                server.refusePublish(refusal, "Unknown stream key.");
            }
        }).startAndPump();

        assertThat(pair.server.state()).isEqualTo(ServerState.CLOSED);
        assertThat(pair.server.closeReason()).hasValue(new CloseReason(CloseReason.Kind.PUBLISH_REFUSED,
                refusal.code() + ": Unknown stream key."));
        assertThat(pair.client.state()).isEqualTo(ClientState.FAILED);
        assertThat(pair.client.failure()).hasValue(new ClientFailure(ClientFailure.Kind.PUBLISH_REFUSED,
                refusal.code(), "Unknown stream key.", null));
    }

    @Test
    void holdsMediaUntilThePublishIsAcceptedThenReleasesItInOrder() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(6));
        WireClient client = publishing(server);
        client.send(new Video(0, 1, new byte[] {0x17, 0}), 6);
        client.send(new Audio(0, 1, new byte[] {(byte) 0xAF, 0}), 4);
        client.send(new DataAmf0(0, 1, List.of(new Amf0String("@setDataFrame"), new Amf0String("onMetaData"),
                new Amf0EcmaArray(Map.of()))), 4);
        assertThat(server.drainEvents()).isEmpty();

        server.acceptPublish();

        assertThat(server.drainEvents()).map(Object::getClass).map(Class::getSimpleName)
                .containsExactly("VideoReceived", "AudioReceived", "MetadataReceived");
    }

    @Test
    void dropsHeldMediaWhenThePublishIsRefused() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(7));
        WireClient client = publishing(server);
        client.send(new Video(0, 1, new byte[] {0x17, 0}), 6);

        server.refusePublish(PublishRefusal.BAD_NAME, "no");

        assertThat(server.drainEvents()).containsExactly(new Closed(new CloseReason(CloseReason.Kind.PUBLISH_REFUSED,
                "NetStream.Publish.BadName: no")));
        assertThat(server.acceptPublish()).isFalse();
    }

    @ParameterizedTest(name = "{0} held bytes against a limit of 100")
    @ValueSource(ints = {99, 100, 101})
    void heldMediaIsBounded(int bytes) {
        RtmpServerConfig config = RtmpServerConfig.DEFAULTS.withLimits(RtmpLimits.DEFAULTS.withMaxHeldPublishBytes(100));
        RtmpServerSession server = new RtmpServerSession(config, new SplittableRandom(8));
        WireClient client = publishing(server);
        client.send(new Video(0, 1, new byte[bytes - 10]), 6);
        client.send(new Audio(0, 1, new byte[10]), 4);

        if (bytes <= 100) {
            assertThat(server.state()).isEqualTo(ServerState.PUBLISH_PENDING);
        } else {
            assertThat(server.state()).isEqualTo(ServerState.FAILED);
            assertThat(server.failure()).get().extracting(SessionFailure::limitName)
                    .isEqualTo(RtmpLimits.MAX_HELD_PUBLISH_BYTES);
            assertThat(server.drainEvents()).last().isInstanceOf(Failed.class);
        }
    }

    @Test
    void withdrawnPublishCannotBeAcceptedAnyMore() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(9));
        WireClient client = publishing(server);
        client.send(CommandAmf0.of(0, "FCUnpublish", 6, new Amf0String("key")), 3);

        assertThat(server.acceptPublish()).isFalse();
        assertThat(server.refusePublish(PublishRefusal.DENIED, "late")).isFalse();
        assertThat(server.state()).isEqualTo(ServerState.CONNECTED);
        assertThat(server.drainEvents()).singleElement().isInstanceOf(PublishStopped.class);
    }

    @Test
    void statesItsEnhancedRtmpCapabilitiesToAnEnhancedClient() {
        EnhancedCapabilities declared = new EnhancedCapabilities(List.of("av01", "hvc1", "avc1", "Opus"),
                Map.of("hvc1", EnhancedCapabilities.FOURCC_CAN_ENCODE), Map.of(),
                EnhancedCapabilities.CAPS_EX_RECONNECT | EnhancedCapabilities.CAPS_EX_MULTITRACK);
        EnhancedCapabilities server = new EnhancedCapabilities(List.of(),
                Map.of("avc1", EnhancedCapabilities.FOURCC_CAN_FORWARD, "hvc1", EnhancedCapabilities.FOURCC_CAN_FORWARD),
                Map.of("mp4a", EnhancedCapabilities.FOURCC_CAN_FORWARD), EnhancedCapabilities.CAPS_EX_RECONNECT);
        RtmpServerConfig config = new RtmpServerConfig(RtmpLimits.DEFAULTS, 4096, 2_500_000, 2_500_000, "FMS/3,5,7,7009",
                Set.of(), server, null);
        Loopback pair = Loopback.accepting(config, Loopback.clientConfig().withCapabilities(declared)).startAndPump();

        assertThat(pair.serverEvents(Connected.class).getFirst().request().capabilities()).isEqualTo(declared)
                .matches(client -> client.has(EnhancedCapabilities.CAPS_EX_RECONNECT))
                .matches(client -> !client.has(EnhancedCapabilities.CAPS_EX_MOD_EX));
        EnhancedCapabilities stated = pair.clientEvents(ClientEvent.Connected.class).getFirst().serverCapabilities();
        assertThat(stated).isEqualTo(new EnhancedCapabilities(List.of("hvc1", "avc1"), server.videoFourCcInfoMap(),
                server.audioFourCcInfoMap(), EnhancedCapabilities.CAPS_EX_RECONNECT));
    }

    @Test
    void legacyClientsGetNoEnhancedRtmpProperties() {
        Loopback pair = Loopback.accepting(RtmpServerConfig.DEFAULTS, Loopback.clientConfig()).startAndPump();
        ClientEvent.Connected connected = pair.clientEvents(ClientEvent.Connected.class).getFirst();
        assertThat(connected.serverCapabilities()).isEqualTo(EnhancedCapabilities.NONE);
        assertThat(connected.serverProperties().asMap()).containsOnlyKeys("fmsVer", "capabilities", "mode");
    }

    @Test
    void asksTheClientToReconnectAndKeepsServing() {
        Loopback pair = Loopback.accepting(RtmpServerConfig.DEFAULTS, Loopback.clientConfig()
                .withCapabilities(new EnhancedCapabilities(List.of(), Map.of(), Map.of(),
                        EnhancedCapabilities.CAPS_EX_RECONNECT))).startAndPump();

        assertThat(pair.server.requestReconnect("rtmp://other.example/live", "Server maintenance.")).isTrue();
        pair.pump();
        pair.client.sendAudio(0, new byte[] {(byte) 0xAF, 1});
        pair.pump();

        assertThat(pair.clientEvents(ClientEvent.ReconnectRequested.class)).containsExactly(
                new ClientEvent.ReconnectRequested("rtmp://other.example/live", "Server maintenance."));
        assertThat(pair.server.state()).isEqualTo(ServerState.PUBLISHING);
        assertThat(pair.serverEvents(AudioReceived.class)).hasSize(1);
    }

    @Test
    void reconnectRequestWithoutATcUrlOmitsIt() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(10));
        WireClient client = WireClient.connected(server);
        server.requestReconnect(null, "Server maintenance.");
        assertThat(client.received()).containsExactly(CommandAmf0.of(0, "onStatus", 0,
                status("status", "NetConnection.Connect.ReconnectRequest", "Server maintenance.")));
    }

    @Test
    void serviceEndsAPublishingSession() {
        Loopback pair = Loopback.accepting(RtmpServerConfig.DEFAULTS, Loopback.clientConfig()).startAndPump();

        pair.server.end("The stream key was disabled.");
        pair.pump();

        assertThat(pair.server.state()).isEqualTo(ServerState.CLOSED);
        assertThat(pair.serverEvents).last().isEqualTo(new Closed(new CloseReason(CloseReason.Kind.ENDED_BY_SERVICE,
                "The stream key was disabled.")));
        assertThat(pair.clientEvents(ClientEvent.StatusReceived.class)).containsExactly(new ClientEvent.StatusReceived(
                "status", "NetStream.Unpublish.Success", "The stream key was disabled."));
    }

    /** A forwarding loop keeps sending while the server ends the session; it learns from the results. */
    @Test
    void aClientForwardingMediaLearnsOfTheEndFromItsSends() {
        Loopback pair = Loopback.accepting(RtmpServerConfig.DEFAULTS, Loopback.clientConfig()).startAndPump();
        List<Boolean> queued = new ArrayList<>();
        for (int frame = 0; frame < 10; frame++) {
            if (frame == 5) {
                pair.server.end(PublishRefusal.DENIED, "The stream key was revoked.");
            }
            queued.add(pair.client.sendVideo(frame * 40L, new byte[] {0x27, 1, 0, 0, 0}));
            pair.pump();
        }

        assertThat(queued).containsExactly(true, true, true, true, true, true, false, false, false, false);
        assertThat(pair.client.failure()).hasValue(new ClientFailure(ClientFailure.Kind.SERVER_ERROR,
                PublishRefusal.DENIED.code(), "The stream key was revoked.", null));
        assertThat(pair.serverEvents(VideoReceived.class)).hasSize(5);
    }

    @Test
    void rejectsAnUnknownApplication() {
        RtmpServerConfig config = RtmpServerConfig.DEFAULTS.withApplications(Set.of("ingest"));
        Loopback pair = Loopback.accepting(config, Loopback.clientConfig()).startAndPump();

        assertThat(pair.server.closeReason()).hasValue(new CloseReason(CloseReason.Kind.CONNECT_REJECTED,
                "Unknown application."));
        assertThat(pair.client.failure()).hasValue(new ClientFailure(ClientFailure.Kind.CONNECT_REJECTED,
                "NetConnection.Connect.Rejected", "Unknown application.", null));
    }

    @Test
    void aConnectRefusalRejectsEveryConnectBeforeAnyPublish() {
        RtmpServerConfig config = RtmpServerConfig.DEFAULTS.withConnectRefusal("RTMPS only: use rtmps://host/live");
        Loopback pair = Loopback.accepting(config, Loopback.clientConfig()).startAndPump();

        assertThat(pair.server.closeReason()).hasValue(new CloseReason(CloseReason.Kind.CONNECT_REJECTED,
                "RTMPS only: use rtmps://host/live"));
        assertThat(pair.server.publishRequest()).as("no publish, so no stream key, ever reached the server").isEmpty();
        assertThat(pair.client.failure()).hasValue(new ClientFailure(ClientFailure.Kind.CONNECT_REJECTED,
                "NetConnection.Connect.Rejected", "RTMPS only: use rtmps://host/live", null));
    }

    @Test
    void refusesToPlay() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(11));
        WireClient client = WireClient.connected(server);
        client.send(CommandAmf0.of(1, "play", 0, new Amf0String("stream")), 8);
        assertThat(client.received()).containsExactly(CommandAmf0.of(1, "onStatus", 0,
                status("error", "NetStream.Play.Failed", "This server only accepts publishing.")));
        assertThat(server.state()).isEqualTo(ServerState.CLOSED);
    }

    @Test
    void answersUnknownCallsWithATransactionId() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(12));
        WireClient client = WireClient.connected(server);
        client.send(CommandAmf0.of(0, "_checkbw", 0), 3);
        client.send(CommandAmf0.of(0, "getStreamLength", 9, new Amf0String("x")), 3);
        assertThat(client.received()).containsExactly(CommandAmf0.of(0, "_error", 9,
                status("error", "NetConnection.Call.Failed", "Method not found (getStreamLength).")));
        assertThat(server.state()).isEqualTo(ServerState.CONNECTED);
    }

    /** The client's text is repeated only in part: a long unknown name cannot grow the reply. */
    @Test
    void anErrorReplyRepeatsAtMostTheStartOfAnUnknownName() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(12));
        WireClient client = WireClient.connected(server);
        String name = "x".repeat(RtmpServerSession.MAX_ECHOED_NAME) + "y".repeat(10_000);
        client.send(CommandAmf0.of(0, name, 9), 3);
        assertThat(client.received()).containsExactly(CommandAmf0.of(0, "_error", 9, status("error",
                "NetConnection.Call.Failed", "Method not found (" + "x".repeat(RtmpServerSession.MAX_ECHOED_NAME) + "...).")));
    }

    @Test
    void refusesASecondPublishOnTheSameConnection() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(13));
        WireClient client = publishing(server);
        client.send(CommandAmf0.of(1, "publish", 6, new Amf0String("other")), 8);
        assertThat(client.received()).containsExactly(CommandAmf0.of(1, "onStatus", 0,
                status("error", "NetStream.Publish.BadName", "This connection is already publishing.")));
        assertThat(server.state()).isEqualTo(ServerState.PUBLISH_PENDING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deleteStream by id", "deleteStream by name", "closeStream"})
    void stopsPublishingOnEachWayClientsEndAStream(String how) {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(14));
        WireClient client = publishing(server);
        server.acceptPublish();
        server.drainEvents();
        client.received();
        switch (how) {
            case "deleteStream by id" -> client.send(CommandAmf0.of(0, "deleteStream", 7, new Amf0Number(1)), 3);
            case "deleteStream by name" -> client.send(CommandAmf0.of(0, "deleteStream", 0, new Amf0String("key")), 3);
            default -> client.send(CommandAmf0.of(1, "closeStream", 0), 8);
        }
        assertThat(server.drainEvents()).singleElement().isInstanceOfSatisfying(PublishStopped.class,
                stopped -> assertThat(stopped.command()).isEqualTo(how.split(" ")[0]));
        assertThat(client.received()).containsExactly(CommandAmf0.of(1, "onStatus", 0,
                status("status", "NetStream.Unpublish.Success", "Stopped publishing.")));
        client.send(new Video(100, 1, new byte[] {0x27}), 6);
        assertThat(server.state()).as("late media is ignored").isEqualTo(ServerState.CONNECTED);
    }

    @Test
    void deliversTheMembersOfAnAggregate() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(15));
        WireClient client = publishing(server);
        server.acceptPublish();
        server.drainEvents();
        client.send(new Aggregate(1000, 1, List.of(new Audio(1000, 1, new byte[] {(byte) 0xAF, 1}),
                new Video(1040, 1, new byte[] {0x27, 1}), new DataAmf0(1040, 1, List.of(new Amf0String("onCuePoint"),
                        Amf0Object.of("name", new Amf0String("ad")))))), 6);
        List<ServerEvent> events = server.drainEvents();
        assertThat(events).map(Object::getClass).map(Class::getSimpleName)
                .containsExactly("AudioReceived", "VideoReceived", "DataReceived");
        assertThat(((DataReceived) events.get(2)).handler()).isEqualTo("onCuePoint");
        assertThat(((VideoReceived) events.get(1)).timestamp()).isEqualTo(1040);
    }

    @Test
    void reportsDataMessagesWithTheirRawPayload() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(16));
        WireClient client = publishing(server);
        server.acceptPublish();
        server.drainEvents();
        client.send(new DataAmf0(500, 1, List.of(new Amf0String("onTextData"), Amf0Object.of("text",
                new Amf0String("hello")))), 4);
        client.send(new DataAmf0(600, 1, List.of(new Amf0String("onMetaData"), Amf0Object.of("width",
                new Amf0Number(640)))), 4);
        client.send(new DataAmf0(700, 0, List.of(new Amf0String("onTextData"))), 4);
        List<ServerEvent> events = server.drainEvents();
        assertThat(events).hasSize(2);
        DataReceived text = (DataReceived) events.get(0);
        assertThat(text.handler()).isEqualTo("onTextData");
        assertThat(text.rawPayload()).startsWith(2, 0, 10);
        MetadataReceived metadata = (MetadataReceived) events.get(1);
        assertThat(metadata.metadata()).isInstanceOf(Amf0Properties.class);
        assertThat(metadata.rawPayload()).startsWith(2, 0, 10, 'o', 'n', 'M');
    }

    @Test
    void mediaBeforePublishFailsTheSession() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(17));
        WireClient client = WireClient.connected(server);
        client.send(new Video(0, 1, new byte[] {0x17}), 6);
        assertThat(server.state()).isEqualTo(ServerState.FAILED);
        assertThat(server.failure()).get().extracting(SessionFailure::reason).isEqualTo("audio or video before publish");
    }

    @Test
    void commandsBeforeConnectFailTheSession() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(18));
        WireClient client = new WireClient(server);
        client.send(CommandAmf0.of(0, "createStream", 2), 3);
        assertThat(server.state()).isEqualTo(ServerState.FAILED);
    }

    @Test
    void malformedInputFailsTheSessionWithoutThrowing() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(19));
        server.feed(ByteBuffer.wrap(new byte[] {0x16, 0x03, 0x01}));
        assertThat(server.state()).isEqualTo(ServerState.FAILED);
        assertThat(server.drainEvents()).singleElement().isInstanceOf(Failed.class);
        server.feed(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(server.state()).isEqualTo(ServerState.FAILED);
    }

    @Test
    void aBrokenChunkLimitFailsTheSessionWithItsName() {
        RtmpServerConfig config = RtmpServerConfig.DEFAULTS.withLimits(RtmpLimits.DEFAULTS.withMaxChunkSize(8192));
        RtmpServerSession server = new RtmpServerSession(config, new SplittableRandom(20));
        WireClient client = WireClient.connected(server);
        client.send(new SetChunkSize(8193), 2);
        assertThat(server.failure()).get().extracting(SessionFailure::limitName).isEqualTo(RtmpLimits.MAX_CHUNK_SIZE);
    }

    @Test
    void answersPingsAndReportsPingResponses() {
        Loopback pair = Loopback.accepting(RtmpServerConfig.DEFAULTS, Loopback.clientConfig()).startAndPump();
        pair.server.sendPing(12345);
        pair.pump();
        assertThat(pair.serverEvents).contains(new ServerEvent.PingResponseReceived(12345));

        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(21));
        WireClient client = WireClient.connected(server);
        client.send(new UserControl.PingRequest(777), 2);
        assertThat(client.received()).containsExactly(new UserControl.PingResponse(777));
    }

    @Test
    void acknowledgesEachWindowBothWays() {
        RtmpServerConfig config = new RtmpServerConfig(RtmpLimits.DEFAULTS, 4096, 1000, 100_000, "FMS/3,5,7,7009",
                Set.of(), EnhancedCapabilities.FORWARD_ANY_CODEC, null);
        Loopback pair = Loopback.accepting(config, Loopback.clientConfig()).startAndPump();
        assertThat(pair.serverEvents(ServerEvent.AcknowledgementReceived.class))
                .as("the client acknowledges the server's bytes every 1000").isNotEmpty();

        for (int i = 0; i < 30; i++) {
            pair.client.sendVideo(i * 40L, new byte[5000]);
        }
        pair.pump();
        List<ClientEvent.AcknowledgementReceived> acks = pair.clientEvents(ClientEvent.AcknowledgementReceived.class);
        assertThat(acks).as("the server acknowledges every 100000 bytes, as the client's window answer asked")
                .isNotEmpty();
        assertThat(acks.getLast().sequenceNumber()).isLessThanOrEqualTo(pair.server.bytesReceived());
        assertThat(pair.server.bytesReceived()).isEqualTo(pair.client.bytesSent());
        assertThat(pair.client.bytesReceived()).isEqualTo(pair.server.bytesSent());
    }

    @Test
    void peerClosingTheConnectionClosesTheSession() {
        Loopback pair = Loopback.accepting(RtmpServerConfig.DEFAULTS, Loopback.clientConfig()).startAndPump();
        pair.server.inputClosed();
        assertThat(pair.server.drainEvents()).containsExactly(new Closed(new CloseReason(CloseReason.Kind.PEER_CLOSED,
                "the client closed the connection")));
        assertThat(pair.server.state().isTerminal()).isTrue();
    }

    @Test
    void connectNeedsAnApplication() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(22));
        WireClient client = new WireClient(server);
        client.send(new CommandAmf0(0, 0, "connect", 1, Amf0Null.INSTANCE, List.of()), 3);
        assertThat(client.received()).containsExactly(CommandAmf0.of(0, "_error", 1,
                status("error", "NetConnection.Connect.Rejected", "connect must name an application.")));
        assertThat(server.state()).isEqualTo(ServerState.CLOSED);
    }

    @Test
    void acceptsAnEcmaArrayAsTheConnectObject() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(23));
        WireClient client = new WireClient(server);
        client.send(new CommandAmf0(0, 0, "connect", 1, new Amf0EcmaArray(Map.of("app", new Amf0String("live"),
                "tcurl", new Amf0String("rtmp://h/live"), "flashver", new Amf0String("X"))), List.of()), 3);
        ConnectRequest request = ((Connected) server.drainEvents().getFirst()).request();
        assertThat(request.tcUrl()).isEqualTo("rtmp://h/live");
        assertThat(request.flashVer()).isEqualTo("X");
    }

    @Test
    void serviceCallsAfterTheEndAreHarmless() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(24));
        server.end("shutting down");
        assertThat(server.requestReconnect(null, "x")).isFalse();
        server.sendPing(1);
        server.end("again");
        assertThat(server.drainEvents()).hasSize(1);
        assertThat(server.hasOutput()).isFalse();
        assertThatThrownBy(() -> new RtmpServerConfig(RtmpLimits.DEFAULTS, 0, 1, 1, "", Set.of(),
                EnhancedCapabilities.NONE, null)).isInstanceOf(IllegalArgumentException.class);
    }

    static WireClient publishing(RtmpServerSession server) {
        WireClient client = WireClient.connected(server);
        client.send(CommandAmf0.of(0, "createStream", 4), 3);
        client.send(CommandAmf0.of(1, "publish", 5, new Amf0String("key"), new Amf0String("live")), 8);
        client.received();
        assertThat(server.drainEvents()).singleElement().isInstanceOf(PublishRequested.class);
        return client;
    }

    static Amf0Object status(String level, String code, String description) {
        return Amf0Object.of("level", new Amf0String(level), "code", new Amf0String(code),
                "description", new Amf0String(description));
    }
}
