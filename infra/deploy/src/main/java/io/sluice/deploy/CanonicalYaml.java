package io.sluice.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kubernetes manifests in one order whatever order they were written in: the Quarkus Kubernetes extension
 * lists ports and labels in an order that changes from one build to the next, which would make the
 * committed copy differ without a change. Objects are sorted by kind and name, keys alphabetically, and a
 * list whose items all have a {@code name} by that name (ports, environment variables, volumes: lists
 * Kubernetes merges by name, where the order carries no meaning). Annotations that describe the checkout
 * rather than the configuration (its git remote, commit, build time) are left out, so a clone elsewhere
 * generates the same files.
 */
final class CanonicalYaml {

    /** Annotations the Quarkus Kubernetes extension takes from the checkout, not from the configuration. */
    private static final List<String> CHECKOUT_ANNOTATIONS = List.of(
            "app.quarkus.io/vcs-uri", "app.quarkus.io/vcs-url", "app.quarkus.io/commit-id", "app.quarkus.io/build-timestamp");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CanonicalYaml() {
    }

    static String of(String manifests) {
        try {
            List<JsonNode> objects = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(manifests)) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                    if (node != null && !node.isNull() && !node.isEmpty()) {
                        objects.add(sorted(node));
                    }
                });
            }
            objects.sort(Comparator.comparing((JsonNode o) -> o.path("kind").asText())
                    .thenComparing(o -> o.path("metadata").path("name").asText()));
            StringBuilder out = new StringBuilder();
            for (JsonNode object : objects) {
                out.append(YAML.writeValueAsString(object));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + e.getMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            CHECKOUT_ANNOTATIONS.forEach(fields::remove);
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            fields.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            if (!items.isEmpty() && items.stream().allMatch(i -> i.isObject() && i.has("name"))) {
                items.sort(Comparator.comparing(i -> i.path("name").asText()));
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.forEach(array::add);
            return array;
        }
        return node;
    }
}
