package io.sluice.media.rtmp.session;

import static io.sluice.media.rtmp.session.ServerSessionTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.media.amf.Amf0Avmplus;
import io.sluice.media.amf.Amf0EcmaArray;
import io.sluice.media.amf.Amf0Null;
import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Undefined;
import io.sluice.media.amf.Amf0Value;
import io.sluice.media.amf.Amf0Writer;
import io.sluice.media.amf.Amf3Integer;
import io.sluice.media.amf.Amf3Object;
import io.sluice.media.amf.Amf3String;
import io.sluice.media.rtmp.message.CommandAmf0;
import io.sluice.media.rtmp.message.CommandAmf3;
import io.sluice.media.rtmp.message.DataAmf3;
import io.sluice.media.rtmp.message.RtmpMessage;
import io.sluice.media.rtmp.message.SetChunkSize;
import io.sluice.media.rtmp.message.SetPeerBandwidth;
import io.sluice.media.rtmp.message.UserControl;
import io.sluice.media.rtmp.message.WindowAckSize;
import io.sluice.media.rtmp.session.ServerEvent.DataReceived;
import io.sluice.media.rtmp.session.ServerEvent.MetadataReceived;
import io.sluice.media.rtmp.session.ServerEvent.PublishRequested;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands of type 17 and data of type 15 (RTMP 1.0 sections 7.1.1 and 7.1.2; E-RTMP v2, "Enabling AMF3
 * in RTMP"): a format selector, then AMF0 values that may switch to AMF3. The server reads them as it
 * reads types 20 and 18 and answers in type 20 AMF0, as nginx-rtmp and SRS do; a client reads a server's
 * type 17 answers.
 */
class Amf3MessagesTest {

    @Test
    void answersAType17ConnectWithType20Commands() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(1));
        WireClient client = new WireClient(server);
        client.send(new CommandAmf3(0, 0, "connect", 1, Amf0Object.of("app", new Amf0String("live"),
                "tcUrl", new Amf0String("rtmp://localhost/live"), "objectEncoding", new Amf0Number(3)),
                List.of()), 3);

        assertThat(client.received()).containsExactly(new WindowAckSize(2_500_000),
                new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC), new SetChunkSize(4096),
                new CommandAmf0(0, 0, "_result", 1, Amf0Object.of("fmsVer", new Amf0String("FMS/3,5,7,7009"),
                        "capabilities", new Amf0Number(31), "mode", new Amf0Number(1)),
                        List.of(Amf0Object.of("level", new Amf0String("status"),
                                "code", new Amf0String("NetConnection.Connect.Success"),
                                "description", new Amf0String("Connection succeeded."),
                                "objectEncoding", new Amf0Number(3)))));
        assertThat(server.connectRequest()).get().extracting(ConnectRequest::objectEncoding).isEqualTo(3);
        assertThat(server.state()).isEqualTo(ServerState.CONNECTED);
    }

    @ParameterizedTest(name = "stream name and type as {0}")
    @ValueSource(strings = {"AMF0 strings", "AMF3 strings after the avmplus switch"})
    void publishesWithType17Commands(String encoding) {
        Function<String, Amf0Value> text = encoding.startsWith("AMF0")
                ? Amf0String::new : value -> new Amf0Avmplus(new Amf3String(value));
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(2));
        WireClient client = new WireClient(server);
        client.send(new CommandAmf3(0, 0, "connect", 1, Amf0Object.of("app", new Amf0String("live"),
                "objectEncoding", new Amf0Number(3)), List.of()), 3);
        client.received();
        client.send(new CommandAmf3(0, 0, "releaseStream", 2, Amf0Null.INSTANCE, List.of(text.apply("key"))), 3);
        client.send(new CommandAmf3(0, 0, "createStream", 4, Amf0Null.INSTANCE, List.of()), 3);
        client.send(new CommandAmf3(0, 1, "publish", 5, Amf0Null.INSTANCE,
                List.of(text.apply("key"), text.apply("record"))), 8);

        assertThat(client.received()).containsExactly(
                CommandAmf0.of(0, "_result", 2, Amf0Undefined.INSTANCE),
                CommandAmf0.of(0, "_result", 4, new Amf0Number(1)));
        assertThat(server.drainEvents()).last().isEqualTo(new PublishRequested(new PublishRequest("live", "key",
                PublishType.RECORD, 1, null)));

        assertThat(server.acceptPublish()).isTrue();
        assertThat(client.received()).containsExactly(new UserControl.StreamBegin(1),
                CommandAmf0.of(1, "onStatus", 0, status("status", "NetStream.Publish.Start", "Publishing started.")));
    }

    @Test
    void deliversType15MetadataAndDataWithoutTheFormatSelector() {
        RtmpServerSession server = new RtmpServerSession(RtmpServerConfig.DEFAULTS, new SplittableRandom(3));
        WireClient client = ServerSessionTest.publishing(server);
        server.acceptPublish();
        server.drainEvents();
        List<Amf0Value> metadata = List.of(new Amf0String("@setDataFrame"), new Amf0String("onMetaData"),
                new Amf0EcmaArray(Map.of("width", new Amf0Number(320))));
        List<Amf0Value> text = List.of(new Amf0String("onTextData"),
                new Amf0Avmplus(Amf3Object.anonymous(Map.of("text", new Amf3String("hello")))));
        List<Amf0Value> amf3Metadata = List.of(new Amf0String("@setDataFrame"), new Amf0String("onMetaData"),
                new Amf0Avmplus(Amf3Object.anonymous(Map.of("width", new Amf3Integer(320)))));
        client.send(new DataAmf3(0, 1, metadata), 4);
        client.send(new DataAmf3(40, 1, text), 4);
        client.send(new DataAmf3(80, 1, amf3Metadata), 4);

        List<ServerEvent> events = server.drainEvents();
        assertThat(events).hasSize(3);
        MetadataReceived received = (MetadataReceived) events.get(0);
        assertThat(received.amf3()).isTrue();
        assertThat(received.metadata().number("width")).hasValue(320);
        assertThat(received.rawPayload()).as("an FLV script tag body: AMF0, no format selector")
                .isEqualTo(Amf0Writer.encode(metadata));
        DataReceived textData = (DataReceived) events.get(1);
        assertThat(textData).extracting(DataReceived::handler, DataReceived::values, DataReceived::amf3)
                .containsExactly("onTextData", text, true);
        assertThat(textData.rawPayload()).isEqualTo(Amf0Writer.encode(text));
        DataReceived metadataAsAmf3 = (DataReceived) events.get(2);
        assertThat(metadataAsAmf3.handler()).as("properties as an AMF3 object are not read as metadata")
                .isEqualTo("onMetaData");
        assertThat(metadataAsAmf3.values()).isEqualTo(amf3Metadata);
    }

    @Test
    void clientReadsAServerAnsweringWithType17Commands() {
        WireServer server = new WireServer(new RtmpClientSession(Loopback.clientConfig(), new SplittableRandom(4)));
        server.send(new CommandAmf3(0, 0, "_result", 1, Amf0Object.of("fmsVer", new Amf0String("FMS/3,5,7,7009")),
                List.of(status("status", "NetConnection.Connect.Success", "ok"))), 3);
        server.send(new CommandAmf3(0, 0, "_result", 4, Amf0Null.INSTANCE, List.of(new Amf0Number(1))), 3);
        server.send(new CommandAmf3(0, 1, "onStatus", 0, Amf0Null.INSTANCE,
                List.of(status("status", "NetStream.Publish.Start", "go"))), 5);

        assertThat(server.client.state()).isEqualTo(ClientState.PUBLISHING);
        List<RtmpMessage> sent = server.received();
        assertThat(sent).filteredOn(message -> message instanceof CommandAmf3).as("the client speaks AMF0").isEmpty();
        assertThat(sent).contains(CommandAmf0.of(1, "publish", 5, new Amf0String("key-123"), new Amf0String("live")));
    }
}
