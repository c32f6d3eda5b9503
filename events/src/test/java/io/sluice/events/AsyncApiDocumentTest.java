package io.sluice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/asyncapi.yaml} describes exactly the contract the code defines: the same topics, on each the
 * same event types, the media events' headers as the codec writes them, the data schemas of docs/events,
 * and the partitions and cleanup policy of {@code infra/config/topics.conf}.
 */
class AsyncApiDocumentTest {

    private static final Path ROOT = Path.of(System.getProperty("sluice.root", ".."));
    private static final String TOMBSTONE = "tombstone";
    private static JsonNode document;

    @BeforeAll
    static void parse() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docs/asyncapi.yaml").toFile());
    }

    @Test
    void itIsAnAsyncApi3DocumentOfKafkaWithALicense() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("info").path("license").path("name").asText()).isNotBlank();
        assertThat(document.path("servers").elements()).toIterable()
                .allSatisfy(server -> assertThat(server.path("protocol").asText()).isEqualTo("kafka"));
    }

    @Test
    void itNamesExactlyTheTopicsOfTheCode() {
        assertThat(addresses()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void itNamesExactlyTheEventTypesOfTheCode() {
        Set<String> named = messages(document.path("components").path("messages")).stream()
                .map(message -> message.path("name").asText()).filter(name -> !name.equals(TOMBSTONE))
                .collect(Collectors.toSet());

        assertThat(named).containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::typeName).toList());
    }

    @Test
    void eachTopicCarriesTheTypesTheCodeWritesThere() {
        for (Map.Entry<String, JsonNode> channel : channels().entrySet()) {
            String topic = channel.getValue().path("address").asText();
            Set<String> names = new HashSet<>();
            channel.getValue().path("messages").forEach(ref -> names.add(resolve(ref).path("name").asText()));

            Set<String> expected = Topics.eventTypes(topic).stream().map(EventType::typeName).collect(Collectors.toSet());
            if (topic.equals(Topics.STREAM_KEYS)) {
                expected.add(TOMBSTONE);
            }
            assertThat(names).as(topic).isEqualTo(expected);
        }
    }

    @Test
    void controlEventsAreStructuredWithTheirDataSchemaAndMediaEventsBinary() {
        MediaEvent media = new MediaEvent(EventEnvelope.forMediaMessage(URI.create("/sluice/ingest/i"), EventType.MEDIA_VIDEO,
                "ls_1", "ss_1", 1, Instant.EPOCH), "ss_1", 1, 0, new byte[] {1});
        Set<String> writtenHeaders = EventCodec.encode(media).headers().stream().map(EventHeader::key).collect(Collectors.toSet());

        for (JsonNode message : messages(document.path("components").path("messages"))) {
            String name = message.path("name").asText();
            if (name.equals(TOMBSTONE)) {
                continue;
            }
            EventType type = EventType.fromTypeName(name).orElseThrow();
            if (type.isMedia()) {
                assertThat(message.path("contentType").asText()).as(name).isEqualTo(EventCodec.MEDIA_CONTENT_TYPE);
                JsonNode headers = resolve(message.path("headers").path("allOf").get(0));
                assertThat(fieldNames(headers.path("properties"))).as(name).isEqualTo(writtenHeaders);
                assertThat(fieldNames(headers.path("required"))).as(name).isEqualTo(writtenHeaders);
                assertThat(message.path("headers").path("allOf").get(1).path("properties").path("ce_type").path("const").asText())
                        .isEqualTo(name);
            } else {
                assertThat(message.path("contentType").asText()).as(name).isEqualTo(EventCodec.STRUCTURED_CONTENT_TYPE);
                JsonNode own = message.path("payload").path("allOf").get(1).path("properties");
                assertThat(own.path("type").path("const").asText()).isEqualTo(name);
                String schema = own.path("data").path("$ref").asText();
                assertThat(schema).isEqualTo("./events/" + EventSchemas.fileName(type));
                assertThat(ROOT.resolve("docs").resolve(schema)).as(name).isRegularFile();
            }
            assertThat(resolve(message.path("bindings").path("kafka").path("key")).path("type").asText()).isEqualTo("string");
        }
    }

    @Test
    void everyReferenceInsideTheDocumentResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(ROOT.resolve("docs").resolve(ref)).as(ref).isRegularFile();
            }
        }
    }

    @Test
    void everyTopicIsWrittenByAnOperation() {
        Set<String> sent = new HashSet<>();
        for (JsonNode operation : messages(document.path("operations"))) {
            if (operation.path("action").asText().equals("send")) {
                sent.add(resolve(operation.path("channel")).path("address").asText());
            }
        }

        assertThat(sent).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void partitionsAndCleanupPolicyAreThoseOfTopicsConf() throws IOException {
        Map<String, String[]> conf = new HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("infra/config/topics.conf"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.trim().split("\\s+");
                conf.put(fields[0], fields);
            }
        }

        assertThat(conf.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (JsonNode channel : channels().values()) {
            String[] fields = conf.get(channel.path("address").asText());
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("partitions").asText()).isEqualTo(fields[1]);
            for (int i = 2; i < fields.length; i++) {
                String[] setting = fields[i].split("=", 2);
                JsonNode described = kafka.path("topicConfiguration").path(setting[0]);
                if (setting[0].equals("cleanup.policy")) {
                    assertThat(described.get(0).asText()).as(fields[0]).isEqualTo(setting[1]);
                } else if (!described.isMissingNode()) {
                    assertThat(described.asText()).as(fields[0] + " " + setting[0]).isEqualTo(setting[1]);
                }
            }
        }
    }

    private static Map<String, JsonNode> channels() {
        Map<String, JsonNode> channels = new HashMap<>();
        document.path("channels").fields().forEachRemaining(entry -> channels.put(entry.getKey(), entry.getValue()));
        return channels;
    }

    private static List<String> addresses() {
        return channels().values().stream().map(channel -> channel.path("address").asText()).toList();
    }

    private static List<JsonNode> messages(JsonNode map) {
        return StreamSupport.stream(map.spliterator(), false).toList();
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asText();
            assertThat(ref).startsWith("#/");
            current = document.at(ref.substring(1));
            assertThat(current.isMissingNode()).as(ref).isFalse();
        }
        return current;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isArray()) {
            node.forEach(element -> names.add(element.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.path("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
