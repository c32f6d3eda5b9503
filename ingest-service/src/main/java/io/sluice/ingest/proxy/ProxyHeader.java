package io.sluice.ingest.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A PROXY protocol header (HAProxy's specification, versions 1 and 2), as a load balancer sends it before
 * anything else on a connection to say which client the connection is for. Sans-IO: {@link #parse} looks at
 * the bytes received so far and tells whether they hold a whole header, need more, or are no header.
 *
 * @param client the proxied client, or empty when the header says the connection is the balancer's own
 *               ({@code LOCAL}, {@code UNKNOWN}, or an address family other than TCP over IPv4 or IPv6)
 * @param length how many bytes of the connection the header took; what follows is the client's
 */
public record ProxyHeader(Optional<ClientAddress> client, int length) {

    /** A version 1 header is one line of at most 107 bytes, CR LF included. */
    public static final int MAX_V1_LENGTH = 107;
    /** Version 2: 16 bytes, then addresses and extensions; more than this is refused, not buffered. */
    public static final int MAX_V2_LENGTH = 16 + 1024;
    /** No header is longer: an adapter never needs to hold more before {@link #parse} decides. */
    public static final int MAX_LENGTH = MAX_V2_LENGTH;

    private static final byte[] V1_PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    /**
     * The header at the start of {@code bytes[0, length)}, or empty when more bytes are needed.
     *
     * @throws ProxyHeaderException when the bytes are no valid header (or one longer than allowed)
     */
    public static Optional<ProxyHeader> parse(byte[] bytes, int length) {
        if (startsWith(bytes, length, V2_SIGNATURE)) {
            return parseV2(bytes, length);
        }
        if (startsWith(bytes, length, V1_PREFIX)) {
            return parseV1(bytes, length);
        }
        int compared = Math.min(length, V2_SIGNATURE.length);
        if (!prefixOf(bytes, compared, V2_SIGNATURE) && !prefixOf(bytes, Math.min(length, V1_PREFIX.length), V1_PREFIX)) {
            throw new ProxyHeaderException("the connection does not start with a PROXY protocol header");
        }
        return Optional.empty();
    }

    private static Optional<ProxyHeader> parseV1(byte[] bytes, int length) {
        int end = -1;
        for (int i = V1_PREFIX.length; i + 1 < Math.min(length, MAX_V1_LENGTH); i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            if (length >= MAX_V1_LENGTH) {
                throw new ProxyHeaderException("a version 1 header longer than " + MAX_V1_LENGTH + " bytes");
            }
            return Optional.empty();
        }
        String line = new String(bytes, V1_PREFIX.length, end - V1_PREFIX.length, StandardCharsets.US_ASCII);
        String[] fields = line.split(" ", -1);
        if (fields[0].equals("UNKNOWN")) {
            return Optional.of(new ProxyHeader(Optional.empty(), end + 2));
        }
        if (fields.length != 5 || !fields[0].equals("TCP4") && !fields[0].equals("TCP6")) {
            throw new ProxyHeaderException("a version 1 header that is not TCP4, TCP6 or UNKNOWN with four fields");
        }
        byte[] source = literal(fields[1], fields[0].equals("TCP4") ? 4 : 16);
        literal(fields[2], source.length);
        int sourcePort = port(fields[3]);
        port(fields[4]);
        return Optional.of(new ProxyHeader(Optional.of(ClientAddress.of(source, sourcePort)), end + 2));
    }

    private static Optional<ProxyHeader> parseV2(byte[] bytes, int length) {
        if (length < 16) {
            return Optional.empty();
        }
        int versionAndCommand = bytes[12] & 0xFF;
        if (versionAndCommand >>> 4 != 2 || (versionAndCommand & 0x0F) > 1) {
            throw new ProxyHeaderException("a version 2 header with version " + (versionAndCommand >>> 4) + " and command "
                    + (versionAndCommand & 0x0F));
        }
        int addressLength = (bytes[14] & 0xFF) << 8 | bytes[15] & 0xFF;
        int total = 16 + addressLength;
        if (total > MAX_V2_LENGTH) {
            throw new ProxyHeaderException("a version 2 header of " + total + " bytes, over " + MAX_V2_LENGTH);
        }
        if (length < total) {
            return Optional.empty();
        }
        boolean local = (versionAndCommand & 0x0F) == 0;
        int familyAndTransport = bytes[13] & 0xFF;
        int addressBytes = switch (familyAndTransport) {
            case 0x11 -> 4;  // TCP over IPv4
            case 0x21 -> 16; // TCP over IPv6
            default -> 0;    // UDP, UNIX sockets, unspecified: no client address to take
        };
        if (local || addressBytes == 0) {
            return Optional.of(new ProxyHeader(Optional.empty(), total));
        }
        if (addressLength < 2 * addressBytes + 4) {
            throw new ProxyHeaderException("a version 2 header whose address block (" + addressLength
                    + " bytes) is too short for its family");
        }
        byte[] source = Arrays.copyOfRange(bytes, 16, 16 + addressBytes);
        int portAt = 16 + 2 * addressBytes;
        int sourcePort = (bytes[portAt] & 0xFF) << 8 | bytes[portAt + 1] & 0xFF;
        return Optional.of(new ProxyHeader(Optional.of(ClientAddress.of(source, sourcePort)), total));
    }

    private static byte[] literal(String text, int expectedBytes) {
        boolean plausible = !text.isEmpty() && text.length() <= 45
                && text.chars().allMatch(c -> c == '.' || c == ':' || Character.digit(c, 16) >= 0);
        if (plausible) {
            try {
                byte[] address = InetAddress.getByName(text).getAddress();
                if (address.length == expectedBytes) {
                    return address;
                }
            } catch (UnknownHostException e) {
                // Refused below.
            }
        }
        throw new ProxyHeaderException("not an IPv" + (expectedBytes == 4 ? 4 : 6) + " address in a version 1 header");
    }

    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ProxyHeaderException("not a port in a version 1 header");
        }
        int port = Integer.parseInt(text);
        if (port > 65535) {
            throw new ProxyHeaderException("not a port in a version 1 header");
        }
        return port;
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        return length >= prefix.length && prefixOf(bytes, prefix.length, prefix);
    }

    /** Whether the first {@code count} bytes equal those of {@code prefix}. */
    private static boolean prefixOf(byte[] bytes, int count, byte[] prefix) {
        for (int i = 0; i < count; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
