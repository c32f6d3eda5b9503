package io.sluice.media.amf;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Object type (0x0A): traits, one value per sealed member (in the order of
 * {@link Amf3Traits#sealedMemberNames()}), then, for dynamic objects, named dynamic members.
 */
public record Amf3Object(Amf3Traits traits, List<Amf3Value> sealedValues, List<Amf3Property> dynamicMembers)
        implements Amf3Value {

    public Amf3Object {
        Objects.requireNonNull(traits, "traits");
        sealedValues = List.copyOf(sealedValues);
        dynamicMembers = List.copyOf(dynamicMembers);
        if (sealedValues.size() != traits.sealedMemberNames().size()) {
            throw new IllegalArgumentException("one value per sealed member is required");
        }
        if (!traits.dynamic() && !dynamicMembers.isEmpty()) {
            throw new IllegalArgumentException("dynamic members need dynamic traits");
        }
    }

    /** An object with the entries of {@code dynamicMembers} in its iteration order. */
    public Amf3Object(Amf3Traits traits, List<Amf3Value> sealedValues,
            Map<String, ? extends Amf3Value> dynamicMembers) {
        this(traits, sealedValues, Amf3Property.listOf(dynamicMembers));
    }

    /** An anonymous dynamic object, the form Flash sends for {@code {a: 1}}. */
    public static Amf3Object anonymous(Map<String, ? extends Amf3Value> members) {
        return new Amf3Object(Amf3Traits.ANONYMOUS_DYNAMIC, List.of(), members);
    }
}
