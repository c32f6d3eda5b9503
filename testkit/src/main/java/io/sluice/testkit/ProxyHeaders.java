package io.sluice.testkit;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * PROXY protocol headers (HAProxy's specification, versions 1 and 2), as a load balancer puts them in front
 * of a TCP connection to name the client it came from.
 */
public final class ProxyHeaders {

    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    private ProxyHeaders() {
    }

    /** The text form: {@code PROXY TCP4 <source> <destination> <source port> <destination port>\r\n}. */
    public static byte[] v1(String source, int sourcePort, String destination, int destinationPort) {
        return ("PROXY TCP4 " + source + " " + destination + " " + sourcePort + " " + destinationPort + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The binary form for a proxied TCP connection over IPv4. */
    public static byte[] v2(String source, int sourcePort, String destination, int destinationPort) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(V2_SIGNATURE);
        out.write(0x21); // version 2, command PROXY
        out.write(0x11); // AF_INET, STREAM
        out.write(0);
        out.write(12); // 4 + 4 address bytes, 2 + 2 port bytes
        out.writeBytes(ipv4(source));
        out.writeBytes(ipv4(destination));
        out.write(sourcePort >>> 8);
        out.write(sourcePort & 0xFF);
        out.write(destinationPort >>> 8);
        out.write(destinationPort & 0xFF);
        return out.toByteArray();
    }

    private static byte[] ipv4(String address) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 4) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + address, e);
        }
    }
}
