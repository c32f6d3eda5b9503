package io.sluice.media.rtmp.message;

/** Range check for the unsigned 32-bit fields messages hold as longs. */
final class U32 {

    private U32() {
    }

    static void check(String name, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " out of unsigned 32-bit range: " + value);
        }
    }
}
