package io.sluice.media.rtmp.chunk;

import static io.sluice.media.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sluice.media.rtmp.RtmpLimits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of (name, chunk size, bytes, messages) drives the decoder and the encoder, MediaMTX
 * chunk_test.go style; a second table holds forms the encoder never produces but peers send.
 */
class ChunkGoldenTest {

    static Stream<Arguments> golden() {
        return Stream.of(
                arguments("type 0, one-byte basic header", 128,
                        bytes("03 000000 000003 14 00000000 'abc'"),
                        List.of(msg(3, 0, 20, 0, "'abc'"))),
                arguments("two-byte basic header, lowest id", 128,
                        bytes("00 00 000001 000001 08 01000000 AF"),
                        List.of(msg(64, 1, 8, 1, "AF"))),
                arguments("two-byte basic header, highest id", 128,
                        bytes("00 FF 000001 000001 08 01000000 AF"),
                        List.of(msg(319, 1, 8, 1, "AF"))),
                arguments("three-byte basic header, lowest id", 128,
                        bytes("01 00 01 000001 000001 09 01000000 17"),
                        List.of(msg(320, 1, 9, 1, "17"))),
                arguments("three-byte basic header, highest id", 128,
                        bytes("01 FF FF 000001 000001 09 01000000 17"),
                        List.of(msg(65599, 1, 9, 1, "17"))),
                arguments("section 5.3.2.1: audio with types 0, 2, 3, 3", 128,
                        bytes("04 0003E8 000002 08 39300000 AF 01"
                                + " 84 000014 AF 02"
                                + " C4 AF 03"
                                + " C4 AF 04"),
                        List.of(msg(4, 1000, 8, 12345, "AF 01"), msg(4, 1020, 8, 12345, "AF 02"),
                                msg(4, 1040, 8, 12345, "AF 03"), msg(4, 1060, 8, 12345, "AF 04"))),
                arguments("type 1 when the length changes", 128,
                        bytes("06 000000 000002 09 01000000 17 00"
                                + " 46 000028 000003 09 27 01 02"),
                        List.of(msg(6, 0, 9, 1, "17 00"), msg(6, 40, 9, 1, "27 01 02"))),
                arguments("type 1 when the type changes", 128,
                        bytes("05 000000 000001 12 01000000 02"
                                + " 45 000000 000001 08 AF"),
                        List.of(msg(5, 0, 18, 1, "02"), msg(5, 0, 8, 1, "AF"))),
                arguments("type 3 right after type 0 when the delta equals its timestamp", 128,
                        bytes("04 000014 000001 08 01000000 AF C4 AF"),
                        List.of(msg(4, 20, 8, 1, "AF"), msg(4, 40, 8, 1, "AF"))),
                arguments("type 0 when the timestamp goes backwards", 128,
                        bytes("04 000064 000001 08 01000000 AF 04 000032 000001 08 01000000 AF"),
                        List.of(msg(4, 100, 8, 1, "AF"), msg(4, 50, 8, 1, "AF"))),
                arguments("type 0 for another message stream", 128,
                        bytes("08 000000 000001 12 01000000 02 08 000000 000001 12 02000000 02"),
                        List.of(msg(8, 0, 18, 1, "02"), msg(8, 0, 18, 2, "02"))),
                arguments("section 5.3.2.2: one message in three chunks", 128,
                        concat(bytes("06 0003E8 000133 09 01000000"), pattern(0, 128), bytes("C6"), pattern(128, 128),
                                bytes("C6"), pattern(256, 51)),
                        List.of(new RawMessage(6, 1000, 9, 1, pattern(0, 307)))),
                arguments("chunk size 4096", 4096,
                        concat(bytes("06 000000 002001 09 01000000"), pattern(0, 4096), bytes("C6"),
                                pattern(4096, 4096), bytes("C6"), pattern(8192, 1)),
                        List.of(new RawMessage(6, 0, 9, 1, pattern(0, 8193)))),
                arguments("extended timestamp on type 0", 128,
                        bytes("04 FFFFFF 000001 08 01000000 01000000 AF"),
                        List.of(msg(4, 0x0100_0000L, 8, 1, "AF"))),
                arguments("extended timestamp repeated on continuation chunks", 128,
                        concat(bytes("06 FFFFFF 0000C8 09 01000000 FFFFFFFF"), pattern(0, 128), bytes("C6 FFFFFFFF"),
                                pattern(128, 72)),
                        List.of(new RawMessage(6, 0xFFFF_FFFFL, 9, 1, pattern(0, 200)))),
                arguments("extended timestamp delta on type 2 and a type 3 new message", 128,
                        bytes("04 000000 000001 08 01000000 AF"
                                + " 84 FFFFFF 01000000 AF"
                                + " C4 01000000 AF"),
                        List.of(msg(4, 0, 8, 1, "AF"), msg(4, 0x0100_0000L, 8, 1, "AF"),
                                msg(4, 0x0200_0000L, 8, 1, "AF"))),
                arguments("largest timestamp below the extended mark", 128,
                        bytes("04 FFFFFE 000001 08 01000000 AF"),
                        List.of(msg(4, 0xFF_FFFE, 8, 1, "AF"))),
                arguments("empty message", 128,
                        bytes("04 000000 000000 08 01000000"),
                        List.of(new RawMessage(4, 0, 8, 1, new byte[0]))));
    }

    static Stream<Arguments> decodeOnly() {
        return Stream.of(
                arguments("continuation chunks without the extended timestamp (older librtmp)", 128,
                        concat(bytes("06 FFFFFF 0000C8 09 01000000 FFFFFFFF"), pattern(0, 128), bytes("C6"),
                                pattern(128, 72)),
                        List.of(new RawMessage(6, 0xFFFF_FFFFL, 9, 1, pattern(0, 200)))),
                arguments("short continuation without the extended timestamp, next header right behind", 128,
                        concat(bytes("06 FFFFFF 000082 09 01000000 01000000"), pattern(0, 128), bytes("C6"),
                                pattern(128, 2), bytes("04 000000 000001 08 01000000 AF")),
                        List.of(new RawMessage(6, 0x0100_0000L, 9, 1, pattern(0, 130)), msg(4, 0, 8, 1, "AF"))),
                arguments("interleaved chunk streams", 128,
                        concat(bytes("06 000000 000100 09 01000000"), pattern(0, 128),
                                bytes("04 000000 000002 08 01000000 AF 01"),
                                bytes("C6"), pattern(128, 128)),
                        List.of(msg(4, 0, 8, 1, "AF 01"), new RawMessage(6, 0, 9, 1, pattern(0, 256)))),
                arguments("type 2 continuing a type 1 header", 128,
                        bytes("05 000010 000001 08 01000000 AF 45 000005 000002 09 17 00 85 000005 17 01"),
                        List.of(msg(5, 16, 8, 1, "AF"), msg(5, 21, 9, 1, "17 00"), msg(5, 26, 9, 1, "17 01"))),
                arguments("timestamps wrap around 32 bits", 128,
                        bytes("04 FFFFFF 000001 08 01000000 FFFFFFF0 AF 84 000020 AF"),
                        List.of(msg(4, 0xFFFF_FFF0L, 8, 1, "AF"), msg(4, 0x10, 8, 1, "AF"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void decodes(String name, int chunkSize, byte[] encoded, List<RawMessage> messages) {
        assertThat(decodeWhole(chunkSize, encoded)).containsExactlyElementsOf(messages);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void encodes(String name, int chunkSize, byte[] encoded, List<RawMessage> messages) {
        ChunkEncoder encoder = new ChunkEncoder();
        encoder.setChunkSize(chunkSize);
        OutputBuffer out = new OutputBuffer();
        messages.forEach(message -> encoder.encode(message, out));
        assertThat(out.drain().array()).isEqualTo(encoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"golden", "decodeOnly"})
    void decodesWhateverTheSplit(String name, int chunkSize, byte[] encoded, List<RawMessage> messages) {
        assertThat(decodeInPieces(chunkSize, encoded, 1)).as("one byte at a time").containsExactlyElementsOf(messages);
        for (int split = 1; split < encoded.length; split++) {
            assertThat(decodeSplitAt(chunkSize, encoded, split)).as("split at %d", split)
                    .containsExactlyElementsOf(messages);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodeOnly")
    void decodesFormsPeersSend(String name, int chunkSize, byte[] encoded, List<RawMessage> messages) {
        assertThat(decodeWhole(chunkSize, encoded)).containsExactlyElementsOf(messages);
    }

    static List<RawMessage> decodeWhole(int chunkSize, byte[] encoded) {
        return decodeInPieces(chunkSize, encoded, encoded.length);
    }

    static List<RawMessage> decodeInPieces(int chunkSize, byte[] encoded, int pieceSize) {
        ChunkDecoder decoder = decoder(chunkSize);
        List<RawMessage> out = new ArrayList<>();
        for (int offset = 0; offset < encoded.length; offset += pieceSize) {
            ByteBuffer piece = ByteBuffer.wrap(encoded, offset, Math.min(pieceSize, encoded.length - offset));
            decoder.decode(piece, out::add);
            assertThat(piece.hasRemaining()).isFalse();
        }
        assertThat(decoder.bufferedBytes()).isZero();
        return out;
    }

    private static List<RawMessage> decodeSplitAt(int chunkSize, byte[] encoded, int split) {
        ChunkDecoder decoder = decoder(chunkSize);
        List<RawMessage> out = new ArrayList<>();
        decoder.decode(ByteBuffer.wrap(encoded, 0, split), out::add);
        decoder.decode(ByteBuffer.wrap(encoded, split, encoded.length - split), out::add);
        return out;
    }

    private static ChunkDecoder decoder(int chunkSize) {
        ChunkDecoder decoder = new ChunkDecoder(RtmpLimits.DEFAULTS);
        decoder.setChunkSize(chunkSize);
        return decoder;
    }

    static RawMessage msg(int chunkStreamId, long timestamp, int typeId, int streamId, String payload) {
        return new RawMessage(chunkStreamId, timestamp, typeId, streamId, bytes(payload));
    }

    static byte[] pattern(int from, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
