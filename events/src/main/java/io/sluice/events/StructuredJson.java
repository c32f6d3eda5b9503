package io.sluice.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.jackson.JsonFormatOptions;

/**
 * The JSON reader and writer of structured events: the SDK's CloudEvents format on a Jackson mapper of our
 * own, which refuses what no producer of ours writes (duplicate fields, trailing content) and bounds what a
 * record can make it build.
 */
final class StructuredJson {

    /** Event documents are small; anything deeper or longer is not ours. */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(8)
                            .maxStringLength(64 * 1024)
                            .maxNumberLength(32)
                            .maxDocumentLength(1024 * 1024)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // An attribute a newer producer adds is kept as an extension; one whose name CloudEvents does not
            // allow is skipped rather than failing the event.
            .addModule(JsonFormat.getCloudEventJacksonModule(JsonFormatOptions.builder()
                    .forceIgnoreInvalidExtensionNameDeserialization(true)
                    .build()))
            .build();

    private StructuredJson() {
    }
}
