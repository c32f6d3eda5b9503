package io.sluice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.EventData;
import io.sluice.events.data.RecordingReady;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.events.schema.EventSchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas of the events' data: one per control type, valid, and matching what the codec writes. */
class EventSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** Every field set ({@link EventCodecTest}'s table), and the fewest fields each record allows. */
    static Stream<EventData> everyKindOfData() {
        Stream<EventData> full = EventCodecTest.goldenStructuredEvents().map(arguments -> (EventData) arguments.get()[0]);
        Stream<EventData> minimal = Stream.of(
                new SessionStarted("ls_1", null, "ss_1", null, null, null, null, null, T0),
                new SessionEnded("ls_1", null, "ss_1", EndReason.INGEST_LOST, null, null, null, T0, 0, 0, 0, null, null),
                new SessionStats("ls_1", null, "ss_1", T0, 0, 0, 0, 0, null, 0, 0, null, 0, 0, 0),
                new StreamKeyEntry("ls_1", "acme", HASH, StreamKeyEntry.Status.DISABLED, 0, 0, 0, false, null, 0, T0),
                new RecordingReady("rec_1", "ls_1", "acme", 0, 0, List.of(), 0, "https://play.example.com/v.m3u8",
                        "https://api.example.com/r.mp4", List.of(), T0, T0));
        return Stream.concat(full, minimal);
    }

    static Stream<Arguments> everyEndReason() {
        return Arrays.stream(EndReason.values()).map(Arguments::of);
    }

    @Test
    void everyControlTypeHasASchemaAndNothingElseHasOne() throws IOException {
        Set<String> expected = controlTypes().stream().map(EventSchemas::fileName).collect(Collectors.toSet());

        assertThat(fileNames(schemaDirectory())).isEqualTo(expected);
    }

    @Test
    void theDocsCarryTheSameSchemasByteForByte() throws IOException {
        Path docs = Path.of(System.getProperty("sluice.root", "..")).resolve("docs/events");

        assertThat(fileNames(docs).stream().filter(name -> name.endsWith(".json")).collect(Collectors.toSet()))
                .isEqualTo(fileNames(schemaDirectory()));
        for (EventType type : controlTypes()) {
            try (InputStream shipped = EventSchemas.open(type)) {
                assertThat(Files.readAllBytes(docs.resolve(EventSchemas.fileName(type))))
                        .as("docs/events/%s is a copy of the module's resource", EventSchemas.fileName(type))
                        .isEqualTo(shipped.readAllBytes());
            }
        }
    }

    @Test
    void everySchemaIsAValidDraft202012Schema() throws IOException {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (EventType type : controlTypes()) {
            try (InputStream in = EventSchemas.open(type)) {
                JsonNode schema = MAPPER.readTree(in);
                assertThat(metaSchema.validate(schema)).as(type.typeName()).isEmpty();
                assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("everyKindOfData")
    void whatTheCodecWritesMatchesItsSchemaExactly(EventData data) throws IOException {
        EventRecord record = EventCodec.encode(StructuredEvent.of(URI.create("/sluice/test"), data, T0));

        JsonNode written = MAPPER.readTree(record.value()).path("data");

        assertThat(EventSchemaValidator.strict().problems(data.type(), written)).isEmpty();
        EventSchemaValidator.strict().check(record);
    }

    @Test
    void theSamplesCoverEveryControlType() {
        assertThat(everyKindOfData().map(EventData::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(controlTypes());
    }

    @ParameterizedTest
    @MethodSource("everyEndReason")
    void everyEndReasonIsInTheSchema(EndReason reason) {
        SessionEnded ended = new SessionEnded("ls_1", "acme", "ss_1", reason, null, null, null, T0, 0, 0, 0, null, null);

        assertThat(EventSchemaValidator.strict().problems(EventType.SESSION_ENDED, written(ended))).isEmpty();
    }

    @Test
    void aFieldANewerProducerAddsPassesThePublishedSchemaButNotTheStrictCheck() {
        ObjectNode data = written(everyKindOfData().filter(d -> d instanceof RecordingReady).findFirst().orElseThrow());
        data.put("thumbnail_url", "https://play.example.com/t.jpg");
        ((ObjectNode) data.path("tracks").get(0)).put("hdr", "pq");

        assertThat(EventSchemaValidator.published().problems(EventType.RECORDING_READY, data)).isEmpty();
        assertThat(EventSchemaValidator.strict().problems(EventType.RECORDING_READY, data)).hasSize(2);
    }

    @Test
    void dataThatBreaksTheContractIsRefused() {
        ObjectNode entry = written(new StreamKeyEntry("ls_1", "acme", HASH, StreamKeyEntry.Status.ENABLED, 0, 60, 60, true,
                "pb_1", 1, T0));

        assertThat(problems(EventType.STREAM_KEY_UPDATED, entry.deepCopy().without("key_hash"))).isNotEmpty();
        assertThat(problems(EventType.STREAM_KEY_UPDATED, entry.deepCopy().put("key_hash", "the-key-itself"))).isNotEmpty();
        assertThat(problems(EventType.STREAM_KEY_UPDATED, entry.deepCopy().put("status", "paused"))).isNotEmpty();
        assertThat(problems(EventType.STREAM_KEY_UPDATED, entry.deepCopy().put("version", "1"))).isNotEmpty();
        assertThat(problems(EventType.STREAM_KEY_UPDATED, entry.deepCopy().put("updated_at", "yesterday"))).isNotEmpty();
        assertThat(problems(EventType.STREAM_KEY_UPDATED, entry.deepCopy().put("version", -1))).isNotEmpty();
        ObjectNode limitsMissing = entry.deepCopy();
        ((ObjectNode) limitsMissing.path("limits")).remove("reconnect_window_seconds");
        assertThat(problems(EventType.STREAM_KEY_UPDATED, limitsMissing)).isNotEmpty();
    }

    @Test
    void anErroredTargetSaysWhyAndTheOthersNeedNot() {
        ObjectNode status = MAPPER.createObjectNode().put("stream_id", "ls_1").put("tenant", "acme").put("target_id", "st_1")
                .put("host", "a.rtmps.youtube.com").put("at", "2026-11-24T15:00:00Z");

        assertThat(problems(EventType.SIMULCAST_TARGET_ERRORED, status)).isNotEmpty();
        assertThat(problems(EventType.SIMULCAST_TARGET_ERRORED, status.deepCopy().put("reason", "connection refused"))).isEmpty();
        assertThat(problems(EventType.SIMULCAST_TARGET_IDLE, status)).isEmpty();
    }

    private static Set<String> problems(EventType type, JsonNode data) {
        return EventSchemaValidator.published().problems(type, data);
    }

    private static ObjectNode written(EventData data) {
        try {
            EventRecord record = EventCodec.encode(StructuredEvent.of(URI.create("/sluice/test"), data, T0));
            return (ObjectNode) MAPPER.readTree(record.value()).path("data");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<EventType> controlTypes() {
        return Arrays.stream(EventType.values()).filter(type -> !type.isMedia()).toList();
    }

    private static Path schemaDirectory() {
        try {
            return Path.of(EventSchemas.class.getClassLoader().getResource(EventSchemas.DIRECTORY).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
