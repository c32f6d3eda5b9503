package io.sluice.ingest.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * A set of IPv4 and IPv6 ranges in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or single
 * addresses, such as the load balancers trusted to tell a client's address in a PROXY protocol header.
 * Only literal addresses are accepted: a host name would make the trust depend on DNS.
 */
public final class AddressRanges {

    private record Range(byte[] network, int prefixLength) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int restBits = prefixLength % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = 0xFF << (8 - restBits) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * Parses each of {@code specs}.
     *
     * @throws IllegalArgumentException naming the entry that is no literal address or CIDR range
     */
    public static AddressRanges parse(List<String> specs) {
        return new AddressRanges(specs.stream().map(AddressRanges::range).toList());
    }

    /** Whether {@code address} (a literal IPv4 or IPv6 address) lies in one of the ranges. */
    public boolean contains(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    private static Range range(String spec) {
        String trimmed = spec.strip();
        int slash = trimmed.indexOf('/');
        byte[] network = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: '" + spec + "'");
        }
        int maxPrefix = network.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > maxPrefix) {
                throw new IllegalArgumentException("not a prefix length from 0 to " + maxPrefix + ": '" + spec + "'");
            }
        }
        return new Range(network, prefix);
    }

    /** The bytes of a literal address, or null when {@code text} is not one (never a DNS lookup). */
    private static byte[] literal(String text) {
        String unbracketed = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean looksLiteral = !unbracketed.isEmpty() && (unbracketed.indexOf(':') >= 0
                || unbracketed.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9'));
        if (!looksLiteral) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(unbracketed).getAddress();
            // An IPv4-mapped IPv6 address is the IPv4 client itself.
            return bytes.length == 16 && isIpv4Mapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }
}
