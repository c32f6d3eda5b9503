package io.sluice.media.ertmp;

/** Range checks for record components, so that every record can be written back to the wire. */
final class Fields {

    private Fields() {
    }

    static void unsigned(String name, int value, int bits) {
        if (value < 0 || value >= 1 << bits) {
            throw new IllegalArgumentException(name + " must fit " + bits + " bits unsigned: " + value);
        }
    }

    static void signed24(String name, int value) {
        if (value < -(1 << 23) || value >= 1 << 23) {
            throw new IllegalArgumentException(name + " must fit SI24: " + value);
        }
    }
}
