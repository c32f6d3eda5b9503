package io.sluice.ingest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Hand-made RTMP bytes for malformed-input tests: a simple handshake, chunks with any header, and AMF0
 * pieces, so a test can break exactly one rule.
 */
public final class RtmpBytes {

    public static final int DEFAULT_CHUNK_SIZE = 128;

    private RtmpBytes() {
    }

    /** Completes a simple (non-digest) handshake as a client. */
    public static void handshake(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        byte[] c0c1 = new byte[1 + 1536];
        c0c1[0] = 3;
        out.write(c0c1);
        out.flush();
        byte[] s0s1s2 = in.readNBytes(1 + 1536 + 1536);
        if (s0s1s2.length != 3073) {
            throw new IOException("short server handshake: " + s0s1s2.length + " bytes");
        }
        out.write(s0s1s2, 1, 1536);
        out.flush();
    }

    /**
     * One message as a type-0 chunk on {@code csid} (2..319), split into 128-byte chunks the default way,
     * with {@code declaredLength} in the header (usually {@code payload.length}).
     */
    public static byte[] message(int csid, long timestamp, int declaredLength, int typeId, int streamId, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        basicHeader(out, 0, csid);
        u24(out, (int) Math.min(timestamp, 0xFFFFFF));
        u24(out, declaredLength);
        out.write(typeId);
        out.write(streamId & 0xFF);
        out.write((streamId >> 8) & 0xFF);
        out.write((streamId >> 16) & 0xFF);
        out.write((streamId >> 24) & 0xFF);
        for (int offset = 0; offset < payload.length; offset += DEFAULT_CHUNK_SIZE) {
            if (offset > 0) {
                basicHeader(out, 3, csid);
            }
            out.write(payload, offset, Math.min(DEFAULT_CHUNK_SIZE, payload.length - offset));
        }
        return out.toByteArray();
    }

    public static byte[] message(int csid, int typeId, int streamId, byte[] payload) {
        return message(csid, 0, payload.length, typeId, streamId, payload);
    }

    /** A protocol control message (chunk stream 2, message stream 0). */
    public static byte[] control(int typeId, byte[] payload) {
        return message(2, typeId, 0, payload);
    }

    public static byte[] u32(long value) {
        return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] amfString(String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {0x02, (byte) (text.length >> 8), (byte) text.length}, text);
    }

    public static byte[] amfNumber(double value) {
        long bits = Double.doubleToLongBits(value);
        byte[] out = new byte[9];
        out[0] = 0x00;
        for (int i = 0; i < 8; i++) {
            out[1 + i] = (byte) (bits >> (56 - 8 * i));
        }
        return out;
    }

    public static byte[] amfNull() {
        return new byte[] {0x05};
    }

    /** An AMF0 object with string properties. */
    public static byte[] amfObject(String... keyValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x03);
        for (int i = 0; i < keyValues.length; i += 2) {
            byte[] key = keyValues[i].getBytes(StandardCharsets.UTF_8);
            out.write(key.length >> 8);
            out.write(key.length);
            out.writeBytes(key);
            out.writeBytes(amfString(keyValues[i + 1]));
        }
        out.writeBytes(new byte[] {0, 0, 0x09});
        return out.toByteArray();
    }

    /** A connect command to application {@code live}. */
    public static byte[] connect() {
        return message(3, 20, 0, concat(amfString("connect"), amfNumber(1),
                amfObject("app", "live", "tcUrl", "rtmp://localhost/live", "flashVer", "FMLE/3.0 (compatible; test)")));
    }

    /** The 1-byte form for chunk streams 2..63, the 2-byte form for 64..319. */
    private static void basicHeader(ByteArrayOutputStream out, int fmt, int csid) {
        if (csid < 64) {
            out.write((fmt << 6) | csid);
        } else {
            out.write(fmt << 6);
            out.write(csid - 64);
        }
    }

    private static void u24(ByteArrayOutputStream out, int value) {
        out.write((value >> 16) & 0xFF);
        out.write((value >> 8) & 0xFF);
        out.write(value & 0xFF);
    }
}
