package io.sluice.media.amf;

import static io.sluice.media.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sluice.media.error.LimitExceededException;
import io.sluice.media.error.MediaFormatException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AmfMalformedInputTest {

    static Stream<Arguments> malformedAmf0() {
        return Stream.of(
                arguments("truncated number", bytes("00 3F F0")),
                arguments("truncated string", bytes("02 00 05 'abc'")),
                arguments("object without end", bytes("03 00 01 'a' 05")),
                arguments("object end outside an object", bytes("09")),
                arguments("movieclip is reserved", bytes("04")),
                arguments("recordset is reserved", bytes("0E")),
                arguments("unknown marker", bytes("12")),
                arguments("reference before any object", bytes("07 00 00")),
                arguments("reference past the objects read", bytes("0A 00 00 00 01 07 00 01")),
                arguments("strict array longer than the payload", bytes("0A 00 00 FF FF 05")),
                arguments("truncated date", bytes("0B 00 00 00 00 00 00 00 00 00")),
                arguments("externalizable AMF3 object", bytes("11 0A 07 07 'Foo'")),
                arguments("AMF3 string reference past the table", bytes("11 06 02")),
                arguments("AMF3 object reference past the table", bytes("11 0A 00")),
                arguments("AMF3 traits reference past the table", bytes("11 0A 01")),
                arguments("AMF3 vector longer than the payload", bytes("11 0D 21 00 00 00 00 01")),
                arguments("AMF3 unknown marker", bytes("11 12")),
                arguments("AMF3 truncated U29", bytes("11 04 FF FF")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedAmf0")
    void failsWithATypedError(String name, byte[] encoded) {
        assertThatThrownBy(() -> new Amf0Reader(encoded, AmfLimits.DEFAULTS).readAll())
                .isInstanceOf(MediaFormatException.class)
                .isNotInstanceOf(LimitExceededException.class);
    }

    @Test
    void ecmaArrayCountIsOnlyAHint() {
        byte[] encoded = bytes("08 00 00 00 00 00 01 'a' 01 01 00 00 09");
        assertThat(new Amf0Reader(encoded, AmfLimits.DEFAULTS).read())
                .isEqualTo(Amf0GoldenTest.ecma("a", Amf0Boolean.TRUE));
    }

    @Test
    void ecmaArrayMayEndWithThePayload() {
        byte[] encoded = bytes("02 00 0A 'onMetaData' 08 00 00 00 01 00 01 'a' 01 01");
        assertThat(new Amf0Reader(encoded, AmfLimits.DEFAULTS).readAll())
                .containsExactly(new Amf0String("onMetaData"), Amf0GoldenTest.ecma("a", Amf0Boolean.TRUE));
    }

    @Test
    void repeatedNamesAreKeptSoReferencesStillCount() {
        byte[] encoded = bytes("0A 00000002 03 0001 'a' 0A 00000000 0001 'a' 05 000009 07 0002");
        List<Amf0Value> values = new Amf0Reader(encoded, AmfLimits.DEFAULTS).readAll();
        Amf0Object object = (Amf0Object) ((Amf0StrictArray) values.getFirst()).values().getFirst();
        assertThat(object.properties()).hasSize(2);
        assertThat(object.get("a")).hasValue(Amf0Null.INSTANCE);
        assertThat(object.asMap()).containsExactly(Map.entry("a", Amf0Null.INSTANCE));
        assertThat(Amf0Writer.encode(values)).isEqualTo(encoded);
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        assertThat(new Amf0Reader(bytes("02 00 02 A9 41"), AmfLimits.DEFAULTS).read())
                .isEqualTo(new Amf0String("\uFFFDA"));
    }

    @Test
    void eachAvmplusValueStartsWithEmptyReferenceTables() {
        byte[] encoded = bytes("11 06 05 'ab' 11 06 00");
        assertThatThrownBy(() -> new Amf0Reader(encoded, AmfLimits.DEFAULTS).readAll())
                .isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("string reference");
    }

    @Test
    void writerRefusesAShortStringThatNeedsALongString() {
        assertThatThrownBy(() -> Amf0Writer.encode(new Amf0String("x".repeat(70_000))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Amf0Writer.encode(List.of(new Amf0LongString("x".repeat(70_000))))).hasSize(70_005);
    }
}
