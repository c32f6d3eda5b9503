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

/** One table of (name, bytes, values) drives both decoding and encoding of every AMF0 type. */
class Amf0GoldenTest {

    static Stream<Arguments> golden() {
        return Stream.of(
                arguments("number", bytes("00 3F F0 00 00 00 00 00 00"), List.of(new Amf0Number(1.0))),
                arguments("number negative zero", bytes("00 80 00 00 00 00 00 00 00"), List.of(new Amf0Number(-0.0))),
                arguments("boolean true", bytes("01 01"), List.of(Amf0Boolean.TRUE)),
                arguments("boolean false", bytes("01 00"), List.of(Amf0Boolean.FALSE)),
                arguments("string", bytes("02 00 04 'live'"), List.of(new Amf0String("live"))),
                arguments("empty string", bytes("02 00 00"), List.of(new Amf0String(""))),
                arguments("string utf-8", bytes("02 00 03 E2 82 AC"), List.of(new Amf0String("\u20AC"))),
                arguments("object", bytes("03 00 03 'app' 02 00 04 'live' 00 04 'fpad' 01 00 00 00 09"),
                        List.of(Amf0Object.of("app", new Amf0String("live"), "fpad", Amf0Boolean.FALSE))),
                arguments("empty object", bytes("03 00 00 09"), List.of(Amf0Object.of())),
                arguments("object with empty property name", bytes("03 00 00 05 00 00 09"),
                        List.of(Amf0Object.of("", Amf0Null.INSTANCE))),
                arguments("null", bytes("05"), List.of(Amf0Null.INSTANCE)),
                arguments("undefined", bytes("06"), List.of(Amf0Undefined.INSTANCE)),
                arguments("reference to an earlier object",
                        bytes("0A 00 00 00 02  03 00 01 'a' 00 3F F0 00 00 00 00 00 00 00 00 09  07 00 01"),
                        List.of(new Amf0StrictArray(List.of(
                                Amf0Object.of("a", new Amf0Number(1)), new Amf0Reference(1))))),
                arguments("ecma array", bytes("08 00 00 00 02 00 08 'duration' 00 40 08 00 00 00 00 00 00"
                                + " 00 05 'width' 00 40 74 00 00 00 00 00 00 00 00 09"),
                        List.of(ecma("duration", new Amf0Number(3), "width", new Amf0Number(320)))),
                arguments("strict array", bytes("0A 00 00 00 02 02 00 04 'avc1' 02 00 04 'mp4a'"),
                        List.of(new Amf0StrictArray(List.of(new Amf0String("avc1"), new Amf0String("mp4a"))))),
                arguments("date", bytes("0B 42 76 F7 9D E2 80 00 00 00 00"),
                        List.of(new Amf0Date(1.5782976E12, (short) 0))),
                arguments("date with time zone", bytes("0B 42 76 F7 9D E2 80 00 00 FF C4"),
                        List.of(new Amf0Date(1.5782976E12, (short) -60))),
                arguments("long string", bytes("0C 00 00 00 03 'abc'"), List.of(new Amf0LongString("abc"))),
                arguments("unsupported", bytes("0D"), List.of(Amf0Unsupported.INSTANCE)),
                arguments("xml document", bytes("0F 00 00 00 07 '<a></a>'"), List.of(new Amf0XmlDocument("<a></a>"))),
                arguments("typed object", bytes("10 00 03 'Foo' 00 01 'x' 00 3F F0 00 00 00 00 00 00 00 00 09"),
                        List.of(new Amf0TypedObject("Foo", Map.of("x", new Amf0Number(1))))),
                arguments("avmplus switch to AMF3", bytes("11 04 05"), List.of(new Amf0Avmplus(new Amf3Integer(5)))),
                arguments("avmplus switch is not sticky", bytes("11 06 05 'ab' 02 00 02 'ab' 11 06 05 'ab'"),
                        List.of(new Amf0Avmplus(new Amf3String("ab")), new Amf0String("ab"),
                                new Amf0Avmplus(new Amf3String("ab")))),
                arguments("connect command body",
                        bytes("02 00 07 'connect' 00 3F F0 00 00 00 00 00 00"
                                + " 03 00 03 'app' 02 00 04 'live' 00 05 'tcUrl' 02 00 15 'rtmp://localhost/live'"
                                + " 00 00 09"),
                        List.of(new Amf0String("connect"), new Amf0Number(1), Amf0Object.of(
                                "app", new Amf0String("live"), "tcUrl", new Amf0String("rtmp://localhost/live")))),
                arguments("nested containers", bytes("03 00 01 'o' 08 00 00 00 01 00 01 'a' 0A 00 00 00 01 05"
                                + " 00 00 09 00 00 09"),
                        List.of(Amf0Object.of("o", ecma("a", new Amf0StrictArray(List.of(Amf0Null.INSTANCE)))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void decodes(String name, byte[] encoded, List<Amf0Value> values) {
        assertThat(new Amf0Reader(encoded, AmfLimits.DEFAULTS).readAll()).isEqualTo(values);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void encodes(String name, byte[] encoded, List<Amf0Value> values) {
        assertThat(Amf0Writer.encode(values)).isEqualTo(encoded);
    }

    static Amf0EcmaArray ecma(Object... namesAndValues) {
        Map<String, Amf0Value> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put((String) namesAndValues[i], (Amf0Value) namesAndValues[i + 1]);
        }
        return new Amf0EcmaArray(properties);
    }
}
