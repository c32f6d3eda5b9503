package io.sluice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.events.schema.EventSchemaValidator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events as earlier versions of Sluice wrote them onto the {@code v1} topics (in
 * {@code src/test/resources/io/sluice/events/samples/v1/}, one whole structured event a file) stay valid
 * against today's schemas, and today's codec reads them. A schema change that breaks one of them (a field
 * made required, renamed, removed or retyped, an enum value dropped) fails the build: it needs {@code v2}
 * topics. Samples are only ever added to, never edited.
 */
class EventSchemaCompatibilityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SAMPLES = "io/sluice/events/samples/v1/";

    static List<Path> v1Samples() throws IOException, URISyntaxException {
        Path directory = Path.of(EventSchemaCompatibilityTest.class.getClassLoader().getResource(SAMPLES).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("v1Samples")
    void anEventWrittenInV1StillMatchesItsSchemaAndDecodes(Path sample) throws IOException {
        byte[] value = Files.readAllBytes(sample);
        JsonNode event = MAPPER.readTree(value);
        EventType type = EventType.fromTypeName(event.path("type").asText()).orElseThrow();

        assertThat(EventSchemaValidator.strict().problems(type, event.path("data"))).as(sample.getFileName().toString()).isEmpty();
        DecodedEvent decoded = EventCodec.decode(new EventRecord(event.path("subject").asText(), value,
                List.of(EventHeader.of("content-type", EventCodec.STRUCTURED_CONTENT_TYPE))));
        assertThat(decoded).isInstanceOfSatisfying(DecodedEvent.Structured.class,
                structured -> assertThat(structured.event().data().type()).isEqualTo(type));
    }

    @Test
    void thereIsASampleOfEveryControlType() throws IOException, URISyntaxException {
        Set<String> sampled = v1Samples().stream()
                .map(file -> file.getFileName().toString())
                .map(name -> EventSchemaTest.controlTypes().stream()
                        .filter(type -> name.equals(EventSchemas.fileName(type)) || name.startsWith(type.typeName() + "."))
                        .findFirst().map(EventType::typeName).orElse("unknown: " + name))
                .collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(
                EventSchemaTest.controlTypes().stream().map(EventType::typeName).toList());
    }
}
