package io.sluice.simulcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.simulcast.domain.TargetChange;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a POST or PATCH body into a {@link TargetChange}: an object of the known fields only, each of its type.
 * A field set to {@code null} in a PATCH clears it (passthrough, tls_ca_pem).
 */
final class TargetRequests {

    private static final Set<String> FIELDS = Set.of("url", "stream_key", "passthrough", "enabled", "tls_ca_pem");

    private TargetRequests() {
    }

    static TargetChange read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new MalformedBodyException("The body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new MalformedBodyException("Unknown field " + name.substring(0, Math.min(64, name.length())));
            }
        }
        Optional<Boolean> enabled = Optional.empty();
        if (body.has("enabled")) {
            if (!body.get("enabled").isBoolean()) {
                throw new MalformedBodyException("enabled must be true or false");
            }
            enabled = Optional.of(body.get("enabled").booleanValue());
        }
        return new TargetChange(text(body, "url"), text(body, "stream_key"), text(body, "passthrough"), enabled,
                text(body, "tls_ca_pem"));
    }

    /** Absent: empty; null: an empty string (cleared); a string: itself. */
    private static Optional<String> text(JsonNode body, String field) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return Optional.of("");
        }
        if (!value.isTextual()) {
            throw new MalformedBodyException(field + " must be a string");
        }
        return Optional.of(value.textValue());
    }
}
