package io.sluice.media.amf;

import java.util.List;
import java.util.Objects;

/**
 * The traits of an AMF3 object (section 3.12): its class name (empty for anonymous objects), whether it
 * is dynamic, and the names of its sealed members in wire order. Externalizable traits are not
 * representable: their body is opaque class-specific data, so the reader refuses them.
 */
public record Amf3Traits(String className, boolean dynamic, List<String> sealedMemberNames) {

    /** The traits Flash uses for an anonymous {@code Object}. */
    public static final Amf3Traits ANONYMOUS_DYNAMIC = new Amf3Traits("", true, List.of());

    public Amf3Traits {
        Objects.requireNonNull(className, "className");
        sealedMemberNames = List.copyOf(sealedMemberNames);
    }
}
