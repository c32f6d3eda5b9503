package io.sluice.media.amf;

import static io.sluice.media.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One table of (name, bytes, value) drives both decoding and encoding of every AMF3 type. */
class Amf3GoldenTest {

    static Stream<Arguments> golden() {
        return Stream.of(
                arguments("undefined", bytes("00"), Amf3Undefined.INSTANCE),
                arguments("null", bytes("01"), Amf3Null.INSTANCE),
                arguments("false", bytes("02"), Amf3Boolean.FALSE),
                arguments("true", bytes("03"), Amf3Boolean.TRUE),
                arguments("integer 0", bytes("04 00"), new Amf3Integer(0)),
                arguments("integer 127 (1 byte)", bytes("04 7F"), new Amf3Integer(127)),
                arguments("integer 128 (2 bytes)", bytes("04 81 00"), new Amf3Integer(128)),
                arguments("integer 16384 (3 bytes)", bytes("04 81 80 00"), new Amf3Integer(16384)),
                arguments("integer 2^21 (4 bytes)", bytes("04 80 C0 80 00"), new Amf3Integer(1 << 21)),
                arguments("integer max", bytes("04 BF FF FF FF"), new Amf3Integer(Amf3Integer.MAX)),
                arguments("integer -1", bytes("04 FF FF FF FF"), new Amf3Integer(-1)),
                arguments("integer min", bytes("04 C0 80 80 00"), new Amf3Integer(Amf3Integer.MIN)),
                arguments("double", bytes("05 3F F8 00 00 00 00 00 00"), new Amf3Double(1.5)),
                arguments("string", bytes("06 07 'abc'"), new Amf3String("abc")),
                arguments("empty string", bytes("06 01"), new Amf3String("")),
                arguments("string reference", bytes("09 05 01 06 05 'ab' 06 00"),
                        new Amf3Array(Map.of(), List.of(new Amf3String("ab"), new Amf3String("ab")))),
                arguments("xml document", bytes("07 09 '<a/>'"), new Amf3XmlDocument("<a/>")),
                arguments("date", bytes("08 01 42 76 F7 9D E2 80 00 00"), new Amf3Date(1.5782976E12)),
                arguments("array dense and associative", bytes("09 03 03 'a' 04 01 01 04 02"),
                        new Amf3Array(Map.of("a", new Amf3Integer(1)), List.of(new Amf3Integer(2)))),
                arguments("anonymous dynamic object", bytes("0A 0B 01 03 'a' 04 01 01"),
                        Amf3Object.anonymous(Map.of("a", new Amf3Integer(1)))),
                arguments("typed sealed object", bytes("0A 23 07 'Foo' 03 'x' 03 'y' 04 01 04 02"),
                        new Amf3Object(new Amf3Traits("Foo", false, List.of("x", "y")),
                                List.of(new Amf3Integer(1), new Amf3Integer(2)), Map.of())),
                arguments("sealed and dynamic members", bytes("0A 1B 07 'Foo' 03 'x' 04 01 03 'd' 02 01"),
                        new Amf3Object(new Amf3Traits("Foo", true, List.of("x")), List.of(new Amf3Integer(1)),
                                Map.of("d", Amf3Boolean.FALSE))),
                arguments("traits reference", bytes("09 05 01 0A 0B 01 03 'a' 04 01 01 0A 01 00 04 02 01"),
                        new Amf3Array(Map.of(), List.of(
                                Amf3Object.anonymous(Map.of("a", new Amf3Integer(1))),
                                Amf3Object.anonymous(Map.of("a", new Amf3Integer(2)))))),
                arguments("object reference", bytes("09 05 01 0A 0B 01 01 0A 02"),
                        new Amf3Array(Map.of(), List.of(Amf3Object.anonymous(Map.of()),
                                new Amf3Reference(Amf3Value.OBJECT, 1)))),
                arguments("reference to the enclosing array", bytes("09 03 01 09 00"),
                        new Amf3Array(Map.of(), List.of(new Amf3Reference(Amf3Value.ARRAY, 0)))),
                arguments("xml", bytes("0B 09 '<a/>'"), new Amf3Xml("<a/>")),
                arguments("byte array", bytes("0C 07 01 02 03"), new Amf3ByteArray(new byte[] {1, 2, 3})),
                arguments("vector int", bytes("0D 05 00 00 00 00 01 FF FF FF FF"),
                        new Amf3VectorInt(false, List.of(1, -1))),
                arguments("vector uint", bytes("0E 03 01 FF FF FF FF"), new Amf3VectorUint(true, List.of(0xFFFF_FFFFL))),
                arguments("vector double", bytes("0F 03 00 3F F0 00 00 00 00 00 00"),
                        new Amf3VectorDouble(false, List.of(1.0))),
                arguments("vector object", bytes("10 05 00 03 '*' 04 01 06 03 'x'"),
                        new Amf3VectorObject(false, "*", List.of(new Amf3Integer(1), new Amf3String("x")))),
                arguments("dictionary", bytes("11 05 01 06 03 'k' 04 01 04 07 03"),
                        new Amf3Dictionary(true, List.of(
                                new Amf3Dictionary.Entry(new Amf3String("k"), new Amf3Integer(1)),
                                new Amf3Dictionary.Entry(new Amf3Integer(7), Amf3Boolean.TRUE)))),
                arguments("ordered associative members", bytes("09 01 03 'b' 04 01 03 'a' 04 02 01"),
                        new Amf3Array(ordered("b", new Amf3Integer(1), "a", new Amf3Integer(2)), List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void decodes(String name, byte[] encoded, Amf3Value value) {
        Amf3Reader reader = new Amf3Reader(encoded, AmfLimits.DEFAULTS);
        assertThat(reader.read()).isEqualTo(value);
        assertThat(reader.hasRemaining()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void encodes(String name, byte[] encoded, Amf3Value value) {
        assertThat(Amf3Writer.encode(List.of(value))).isEqualTo(encoded);
    }

    private static Map<String, Amf3Value> ordered(Object... namesAndValues) {
        Map<String, Amf3Value> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], (Amf3Value) namesAndValues[i + 1]);
        }
        return members;
    }
}
