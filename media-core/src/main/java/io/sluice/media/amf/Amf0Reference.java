package io.sluice.media.amf;

/**
 * Reference type (0x07): the zero-based index of an earlier object, typed object, ECMA array or strict
 * array in the same payload. Kept unresolved (see the package documentation); the reader checks that the
 * index points at a container it has already started.
 */
public record Amf0Reference(int index) implements Amf0Value {

    public Amf0Reference {
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("reference index must fit in 16 bits: " + index);
        }
    }
}
