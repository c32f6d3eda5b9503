package io.sluice.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.testkit.ProxyHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyHeaderTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Headers as HAProxy's specification writes them, and the client each names (null: the balancer's own). */
    static Stream<Arguments> golden() {
        return Stream.of(
                Arguments.of("v1 TCP4", ascii("PROXY TCP4 203.0.113.7 192.0.2.1 50412 443\r\n"), "203.0.113.7:50412"),
                Arguments.of("v1 TCP6", ascii("PROXY TCP6 2001:db8::7 2001:db8::1 50412 443\r\n"), "2001:db8:0:0:0:0:0:7:50412"),
                Arguments.of("v1 UNKNOWN", ascii("PROXY UNKNOWN\r\n"), null),
                Arguments.of("v1 UNKNOWN with addresses", ascii("PROXY UNKNOWN ffff::1 ffff::2 1 2\r\n"), null),
                Arguments.of("v2 TCP4", HEX.parseHex("0d0a0d0a000d0a515549540a" + "21" + "11" + "000c"
                        + "cb007107" + "c0000201" + "c4ec" + "01bb"), "203.0.113.7:50412"),
                Arguments.of("v2 TCP6", HEX.parseHex("0d0a0d0a000d0a515549540a" + "21" + "21" + "0024"
                        + "20010db8000000000000000000000007" + "20010db8000000000000000000000001" + "c4ec" + "01bb"),
                        "2001:db8:0:0:0:0:0:7:50412"),
                Arguments.of("v2 TCP4 with a TLV after the addresses", HEX.parseHex("0d0a0d0a000d0a515549540a" + "21" + "11"
                        + "0013" + "cb007107" + "c0000201" + "c4ec" + "01bb" + "04" + "0004" + "74657374"), "203.0.113.7:50412"),
                Arguments.of("v2 LOCAL (a health check)", HEX.parseHex("0d0a0d0a000d0a515549540a" + "20" + "00" + "0000"), null),
                Arguments.of("v2 UNIX socket", withZeros("0d0a0d0a000d0a515549540a" + "21" + "31" + "00d8", 216), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void decodesAWholeHeaderAndSaysWhereItEnds(String name, byte[] header, String client) {
        byte[] withRest = concat(header, new byte[] {0x16, 0x03, 0x01});
        ProxyHeader parsed = ProxyHeader.parse(withRest, withRest.length).orElseThrow();

        assertThat(parsed.length()).isEqualTo(header.length);
        assertThat(parsed.client().map(ClientAddress::toString).orElse(null)).isEqualTo(client);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void needsMoreBytesAtEverySplitBeforeTheEnd(String name, byte[] header, String client) {
        for (int length = 0; length < header.length; length++) {
            assertThat(ProxyHeader.parse(header, length)).as("%d of %d bytes", length, header.length)
                    .isEmpty();
        }
    }

    @Test
    void theTestKitsHeadersAreWhatTheSpecificationSays() {
        assertThat(ProxyHeaders.v1("203.0.113.7", 50412, "192.0.2.1", 443))
                .isEqualTo(ascii("PROXY TCP4 203.0.113.7 192.0.2.1 50412 443\r\n"));
        assertThat(HEX.formatHex(ProxyHeaders.v2("203.0.113.7", 50412, "192.0.2.1", 443)))
                .isEqualTo("0d0a0d0a000d0a515549540a" + "21" + "11" + "000c" + "cb007107" + "c0000201" + "c4ec" + "01bb");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET / HTTP/1.1\r\n",
            "PROXY TCP4 203.0.113.7 192.0.2.1 50412\r\n",
            "PROXY TCP4 2001:db8::7 192.0.2.1 50412 443\r\n",
            "PROXY TCP4 203.0.113.7 192.0.2.1 65536 443\r\n",
            "PROXY TCP4 example.com 192.0.2.1 1 443\r\n",
            "PROXY UDP4 203.0.113.7 192.0.2.1 1 443\r\n",
            "PROXY TCP4 203.0.113.7 192.0.2.1 -1 443\r\n"})
    void refusesWhatIsNoVersionOneHeader(String text) {
        assertThatThrownBy(() -> ProxyHeader.parse(ascii(text), text.length()))
                .isInstanceOf(ProxyHeaderException.class);
    }

    @Test
    void refusesAnRtmpHandshakeAtItsFirstByte() {
        assertThatThrownBy(() -> ProxyHeader.parse(new byte[] {3}, 1)).isInstanceOf(ProxyHeaderException.class);
    }

    @ParameterizedTest(name = "a line of {0} bytes against the limit of 107")
    @ValueSource(ints = {106, 107, 108})
    void versionOneLength(int length) {
        String start = "PROXY UNKNOWN ";
        byte[] line = ascii(start + "x".repeat(length - start.length() - 2) + "\r\n");
        if (length <= ProxyHeader.MAX_V1_LENGTH) {
            assertThat(ProxyHeader.parse(line, line.length)).get()
                    .extracting(ProxyHeader::length).isEqualTo(length);
        } else {
            assertThatThrownBy(() -> ProxyHeader.parse(line, line.length))
                    .isInstanceOf(ProxyHeaderException.class).hasMessageContaining("longer than 107");
        }
    }

    @ParameterizedTest(name = "{0} bytes of addresses and extensions against the limit of 1024")
    @ValueSource(ints = {1023, 1024, 1025})
    void versionTwoLength(int addressLength) {
        byte[] header = withZeros("0d0a0d0a000d0a515549540a" + "21" + "11" + String.format("%04x", addressLength), addressLength);
        if (addressLength <= 1024) {
            assertThat(ProxyHeader.parse(header, header.length)).get()
                    .extracting(ProxyHeader::length).isEqualTo(16 + addressLength);
        } else {
            assertThatThrownBy(() -> ProxyHeader.parse(header, 16))
                    .isInstanceOf(ProxyHeaderException.class).hasMessageContaining("over 1040");
        }
    }

    @Test
    void refusesAVersionTwoHeaderOfAnotherVersionOrCommand() {
        for (String versionAndCommand : new String[] {"11", "22", "2f"}) {
            byte[] header = HEX.parseHex("0d0a0d0a000d0a515549540a" + versionAndCommand + "11" + "0000");
            assertThatThrownBy(() -> ProxyHeader.parse(header, header.length))
                    .as(versionAndCommand).isInstanceOf(ProxyHeaderException.class);
        }
    }

    /** Whatever the bytes, the parser answers a header, "more", or its own exception, never anything else. */
    @Test
    void randomInputOnlyEverGivesAHeaderMoreOrARefusal() {
        Random random = new Random(7);
        byte[][] seeds = {ascii("PROXY TCP4 203.0.113.7 192.0.2.1 50412 443\r\n"),
                ProxyHeaders.v2("203.0.113.7", 50412, "192.0.2.1", 443)};
        for (int i = 0; i < 200_000; i++) {
            byte[] input = seeds[i % 2].clone();
            for (int flips = random.nextInt(4); flips >= 0; flips--) {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(input.length + 1);
            try {
                Optional<ProxyHeader> header = ProxyHeader.parse(input, length);
                header.ifPresent(h -> assertThat(h.length()).isBetween(1, length));
            } catch (ProxyHeaderException refused) {
                // The one way to say no.
            }
        }
    }

    private static byte[] withZeros(String hexStart, int zeros) {
        return concat(HEX.parseHex(hexStart), new byte[zeros]);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
