package io.sluice.media.rtmp.message;

import static io.sluice.media.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sluice.media.amf.Amf0Avmplus;
import io.sluice.media.amf.Amf0EcmaArray;
import io.sluice.media.amf.Amf0Null;
import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf3Object;
import io.sluice.media.amf.Amf3String;
import io.sluice.media.amf.AmfLimits;
import io.sluice.media.error.MediaFormatException;
import io.sluice.media.rtmp.RtmpLimits;
import io.sluice.media.rtmp.chunk.ChunkDecoder;
import io.sluice.media.rtmp.chunk.ChunkEncoder;
import io.sluice.media.rtmp.chunk.OutputBuffer;
import io.sluice.media.rtmp.chunk.RawMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of (name, chunk bytes, message) for every message type drives decoding (chunk decoder, then
 * {@link MessageCodec#decode}) and encoding ({@link MessageCodec#encode}, then the chunk encoder). The
 * chunk stream id is the one in the bytes' basic header.
 */
class MessageGoldenTest {

    static Stream<Arguments> golden() {
        return Stream.of(
                arguments("set chunk size", bytes("02 000000 000004 01 00000000 00001000"), new SetChunkSize(4096)),
                arguments("abort", bytes("02 000000 000004 02 00000000 00000006"), new Abort(6)),
                arguments("acknowledgement", bytes("02 000000 000004 03 00000000 004C4B40"),
                        new Acknowledgement(5_000_000)),
                arguments("user control stream begin", bytes("02 000000 000006 04 00000000 0000 00000001"),
                        new UserControl.StreamBegin(1)),
                arguments("user control stream eof", bytes("02 000000 000006 04 00000000 0001 00000001"),
                        new UserControl.StreamEof(1)),
                arguments("user control stream dry", bytes("02 000000 000006 04 00000000 0002 00000001"),
                        new UserControl.StreamDry(1)),
                arguments("user control set buffer length",
                        bytes("02 000000 00000A 04 00000000 0003 00000001 00000BB8"),
                        new UserControl.SetBufferLength(1, 3000)),
                arguments("user control stream is recorded", bytes("02 000000 000006 04 00000000 0004 00000001"),
                        new UserControl.StreamIsRecorded(1)),
                arguments("user control ping request", bytes("02 000000 000006 04 00000000 0006 12345678"),
                        new UserControl.PingRequest(0x1234_5678)),
                arguments("user control ping response", bytes("02 000000 000006 04 00000000 0007 FFFFFFFF"),
                        new UserControl.PingResponse(0xFFFF_FFFFL)),
                arguments("user control event RTMP does not define", bytes("02 000000 000006 04 00000000 001F 00000001"),
                        new UserControl.Unknown(31, bytes("00000001"))),
                arguments("window acknowledgement size", bytes("02 000000 000004 05 00000000 002625A0"),
                        new WindowAckSize(2_500_000)),
                arguments("set peer bandwidth, hard limit", bytes("02 000000 000005 06 00000000 0007A120 00"),
                        new SetPeerBandwidth(500_000, SetPeerBandwidth.LimitType.HARD)),
                arguments("set peer bandwidth, soft limit", bytes("02 000000 000005 06 00000000 000F4240 01"),
                        new SetPeerBandwidth(1_000_000, SetPeerBandwidth.LimitType.SOFT)),
                arguments("set peer bandwidth, dynamic limit", bytes("02 000000 000005 06 00000000 002625A0 02"),
                        new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC)),
                arguments("audio", bytes("04 000064 000002 08 01000000 AF 01"), new Audio(100, 1, bytes("AF 01"))),
                arguments("video", bytes("06 000028 000005 09 01000000 17 01 00 00 00"),
                        new Video(40, 1, bytes("17 01 00 00 00"))),
                arguments("data amf0",
                        bytes("04 000000 000035 12 01000000 02 000D '@setDataFrame' 02 000A 'onMetaData'"
                                + " 08 00000001 0005 'width' 00 4074000000000000 000009"),
                        new DataAmf0(0, 1, List.of(new Amf0String("@setDataFrame"), new Amf0String("onMetaData"),
                                new Amf0EcmaArray(Map.of("width", new Amf0Number(320)))))),
                arguments("data amf3",
                        bytes("04 000000 00001C 0F 01000000 00 02 000A 'onTextData' 11 0A 0B 01 09 'text' 06 05 'hi' 01"),
                        new DataAmf3(0, 1, List.of(new Amf0String("onTextData"),
                                new Amf0Avmplus(Amf3Object.anonymous(Map.of("text", new Amf3String("hi"))))))),
                arguments("shared object amf0", bytes("03 000000 000003 13 00000000 01 02 03"),
                        new SharedObject(false, 0, 0, bytes("01 02 03"))),
                arguments("shared object amf3", bytes("03 000000 000003 10 00000000 00 01 02"),
                        new SharedObject(true, 0, 0, bytes("00 01 02"))),
                arguments("command amf0", bytes("03 000000 000019 14 00000000 02 000C 'createStream'"
                                + " 00 4010000000000000 05"),
                        CommandAmf0.of(0, "createStream", 4)),
                arguments("command amf0 with an info object",
                        bytes("05 000000 000049 14 01000000 02 0008 'onStatus' 00 0000000000000000 05"
                                + " 03 0005 'level' 02 0006 'status' 0004 'code' 02 0017 'NetStream.Publish.Start' 000009"),
                        CommandAmf0.of(1, "onStatus", 0, Amf0Object.of("level", new Amf0String("status"),
                                "code", new Amf0String("NetStream.Publish.Start")))),
                arguments("command amf3", bytes("03 000000 000018 11 00000000 00 02 0004 'call'"
                                + " 00 3FF0000000000000 05 11 06 07 'abc'"),
                        new CommandAmf3(0, 0, "call", 1, Amf0Null.INSTANCE,
                                List.of(new Amf0Avmplus(new Amf3String("abc"))))),
                arguments("aggregate", bytes("06 000064 000023 16 01000000"
                                + " 08 000002 000064 00 000001 AF 01 0000000D"
                                + " 09 000003 00007D 00 000001 17 00 00 0000000E"),
                        new Aggregate(100, 1, List.of(new Audio(100, 1, bytes("AF 01")),
                                new Video(125, 1, bytes("17 00 00"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void decodes(String name, byte[] encoded, RtmpMessage message) {
        List<RawMessage> raw = new ArrayList<>();
        new ChunkDecoder(RtmpLimits.DEFAULTS).decode(ByteBuffer.wrap(encoded), raw::add);
        assertThat(raw).hasSize(1);
        assertThat(MessageCodec.decode(raw.getFirst(), AmfLimits.DEFAULTS)).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void encodes(String name, byte[] encoded, RtmpMessage message) {
        OutputBuffer out = new OutputBuffer();
        new ChunkEncoder().encode(MessageCodec.encode(message, encoded[0] & 0x3F), out);
        assertThat(out.drain().array()).isEqualTo(encoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void picksTheRecordFromTheTypeId(String name, byte[] encoded, RtmpMessage message) {
        assertThat(message.type().id()).isEqualTo(encoded[7] & 0xFF);
        assertThat(MessageType.of(encoded[7] & 0xFF)).isEqualTo(message.type());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("type 7 is not defined", raw(7, "00")),
                arguments("type 0 is not defined", raw(0, "00")),
                arguments("type 23 is not defined", raw(23, "00")),
                arguments("set chunk size of 3 bytes", raw(1, "00 00 10")),
                arguments("set chunk size of zero", raw(1, "00 00 00 00")),
                arguments("set chunk size with the reserved bit", raw(1, "80 00 00 01")),
                arguments("acknowledgement of 5 bytes", raw(3, "00 00 00 00 00")),
                arguments("peer bandwidth with limit type 3", raw(6, "00 00 10 00 03")),
                arguments("user control without an event type", raw(4, "00")),
                arguments("stream begin without a stream id", raw(4, "00 00 00 00")),
                arguments("command without a transaction id", raw(20, "02 0004 'call'")),
                arguments("command whose name is a number", raw(20, "00 3FF0000000000000 00 3FF0000000000000 05")),
                arguments("amf3 command with format selector 1", raw(17, "01 02 0004 'call'")),
                arguments("empty amf3 data message", raw(15, "")),
                arguments("aggregate with a truncated header", raw(22, "08 000002 000064")),
                arguments("aggregate with a truncated body", raw(22, "08 000009 000064 00 000001 AF 01 0000000D")),
                arguments("aggregate holding a command", raw(22, "14 000001 000000 00 000000 05 0000000C")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedPayloads(String name, RawMessage raw) {
        assertThatThrownBy(() -> MessageCodec.decode(raw, AmfLimits.DEFAULTS)).isInstanceOf(MediaFormatException.class);
    }

    @Test
    void rebasesAggregateTimestampsOnTheAggregateTimestamp() {
        RawMessage raw = new RawMessage(6, 1000, 22, 1, bytes("08 000002 000064 00 000007 AF 01 0000000D"
                + " 09 000003 00007D 00 000007 17 00 00 0000000E"));
        assertThat(MessageCodec.decode(raw, AmfLimits.DEFAULTS)).isEqualTo(new Aggregate(1000, 1, List.of(
                new Audio(1000, 1, bytes("AF 01")), new Video(1025, 1, bytes("17 00 00")))));
    }

    @Test
    void aggregateTimestampsUseTheFlvLayoutAndWrap() {
        RawMessage raw = new RawMessage(6, 5, 22, 1, bytes("08 000001 FFFFFF FF 000001 AF 0000000C"
                + " 08 000001 000004 00 000001 AF 0000000C"));
        assertThat(MessageCodec.decode(raw, AmfLimits.DEFAULTS)).isEqualTo(new Aggregate(5, 1, List.of(
                new Audio(5, 1, bytes("AF")), new Audio(10, 1, bytes("AF")))));
    }

    private static RawMessage raw(int typeId, String payload) {
        return new RawMessage(3, 0, typeId, 0, bytes(payload));
    }
}
