package io.sluice.media.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The tags of an FLV file (FLV specification, annex E), read just far enough to feed and check the RTMP
 * tests; the real FLV model lives in the flv package.
 */
public record FlvFile(List<Tag> tags) {

    public static final int AUDIO = 8;
    public static final int VIDEO = 9;
    public static final int SCRIPT_DATA = 18;

    /** One tag: its type, its 32-bit timestamp and its body. */
    public record Tag(int type, long timestamp, byte[] body) {
    }

    public static FlvFile readResource(String name) {
        try (InputStream in = FlvFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static FlvFile parse(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        if (in.get() != 'F' || in.get() != 'L' || in.get() != 'V') {
            throw new IllegalArgumentException("not an FLV file");
        }
        in.position(5);
        in.position(in.getInt() + 4);
        List<Tag> tags = new ArrayList<>();
        while (in.remaining() >= 11) {
            int type = in.get() & 0x1F;
            int size = u24(in);
            long timestamp = u24(in) | (long) (in.get() & 0xFF) << 24;
            u24(in);
            byte[] body = new byte[size];
            in.get(body);
            in.getInt();
            tags.add(new Tag(type, timestamp, body));
        }
        return new FlvFile(List.copyOf(tags));
    }

    public List<Tag> ofType(int type) {
        return tags.stream().filter(tag -> tag.type() == type).toList();
    }

    private static int u24(ByteBuffer in) {
        return (in.get() & 0xFF) << 16 | (in.get() & 0xFF) << 8 | in.get() & 0xFF;
    }
}
