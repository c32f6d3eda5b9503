package io.sluice.ingest;

import static io.sluice.ingest.support.RtmpBytes.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.EventEnvelope;
import io.sluice.events.MediaEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.SessionStats;
import io.sluice.events.json.EventDataJson;
import io.sluice.ingest.support.SourceTags;
import io.sluice.media.amf.Amf0EcmaArray;
import io.sluice.media.amf.Amf0Number;
import io.sluice.media.amf.Amf0Object;
import io.sluice.media.amf.Amf0String;
import io.sluice.media.amf.Amf0Writer;
import io.sluice.media.flv.FlvTagType;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The ingest writes its records' CloudEvents attributes itself (media headers by hand, for speed); the
 * CloudEvents SDK's own Kafka deserializer reads every kind of record it writes, on both of its topics,
 * with the attributes and data the contract's codec reads.
 */
@QuarkusTest
class CloudEventsSdkReadsTheIngestTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int DATA_MESSAGE = 18;
    private static final int DATA_CHUNK_STREAM = 8;

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Inject
    TestRegistry registry;

    @Test
    void theSdksKafkaReaderReadsEveryRecordTheIngestWritesAsTheCodecDoes() {
        Path clip = TestMedia.testsrcClip();
        List<byte[]> video = SourceTags.bodies(clip, FlvTagType.VIDEO).subList(0, 3);
        List<byte[]> audio = SourceTags.bodies(clip, FlvTagType.AUDIO).subList(0, 3);
        RegistryWriter.TestStream stream = registry.createStream("acme");
        List<ConsumerRecord<String, byte[]>> written = new ArrayList<>();
        try (MediaLog media = new MediaLog(stream.streamId()); MediaLog sessions = new MediaLog(Topics.SESSIONS, stream.streamId())) {
            try (RawRtmpClient client = RawRtmpClient.connect("rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
                client.awaitPublishing(WAIT);
                byte[] metadata = Amf0Writer.encode(new Amf0String("@setDataFrame"), new Amf0String("onMetaData"),
                        new Amf0EcmaArray(Map.of("width", new Amf0Number(320), "height", new Amf0Number(240))));
                client.sendRaw(message(DATA_CHUNK_STREAM, 0, metadata.length, DATA_MESSAGE, client.streamId(), metadata));
                for (int i = 0; i < video.size(); i++) {
                    client.sendVideo(40L * i, video.get(i));
                    client.sendAudio(23L * i, audio.get(i));
                }
                byte[] text = Amf0Writer.encode(new Amf0String("onTextData"), Amf0Object.of("text", new Amf0String("hello")));
                client.sendRaw(message(DATA_CHUNK_STREAM, 100, text.length, DATA_MESSAGE, client.streamId(), text));
                sessions.awaitEvent(e -> MediaLog.is(e, SessionStats.class), WAIT);
            }
            media.awaitSessionEnded(WAIT);
            sessions.awaitSessionEnded(WAIT);
            written.addAll(media.records());
            written.addAll(sessions.records());
        }

        Map<String, Integer> readByType = new LinkedHashMap<>();
        try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            for (ConsumerRecord<String, byte[]> record : written) {
                CloudEvent read = sdk.deserialize(record.topic(), record.headers(), record.value());
                assertSameEvent(read, EventCodec.decode(record));
                readByType.merge(record.topic() + " " + read.getType(), 1, Integer::sum);
            }
        }

        assertThat(readByType.keySet()).containsExactlyInAnyOrder(
                "sluice.media.v1 io.sluice.session.started", "sluice.media.v1 io.sluice.media.metadata",
                "sluice.media.v1 io.sluice.media.video", "sluice.media.v1 io.sluice.media.audio",
                "sluice.media.v1 io.sluice.media.data", "sluice.media.v1 io.sluice.session.ended",
                "sluice.sessions.v1 io.sluice.session.started", "sluice.sessions.v1 io.sluice.session.stats",
                "sluice.sessions.v1 io.sluice.session.ended");
        assertThat(readByType).containsEntry("sluice.media.v1 io.sluice.media.video", 3)
                .containsEntry("sluice.media.v1 io.sluice.media.audio", 3);
    }

    private static void assertSameEvent(CloudEvent read, DecodedEvent decoded) {
        assertThat(read.getSpecVersion()).isEqualTo(SpecVersion.V1);
        switch (decoded) {
            case DecodedEvent.Media m -> {
                MediaEvent event = m.event();
                assertSameEnvelope(read, event.envelope());
                assertThat(read.getDataContentType()).isEqualTo(EventCodec.MEDIA_CONTENT_TYPE);
                assertThat(read.getExtension(EventCodec.SESSION_ID)).isEqualTo(event.sessionId());
                assertThat(read.getExtension(EventCodec.SEQUENCE)).isEqualTo(Long.toString(event.sequence()));
                assertThat(read.getExtension(EventCodec.RTMP_TIMESTAMP)).isEqualTo(Long.toString(event.rtmpTimestamp()));
                assertThat(read.getData().toBytes()).isEqualTo(event.payload());
            }
            case DecodedEvent.Structured s -> {
                assertSameEnvelope(read, s.event().envelope());
                assertThat(read.getDataContentType()).isEqualTo("application/json");
                assertThat(read.getExtensionNames()).isEmpty();
                assertThat(((JsonCloudEventData) read.getData()).getNode())
                        .hasToString(EventDataJson.write(s.event().data()).toString());
            }
            default -> throw new AssertionError("the ingest wrote " + decoded);
        }
    }

    private static void assertSameEnvelope(CloudEvent read, EventEnvelope envelope) {
        assertThat(read.getId()).isEqualTo(envelope.id());
        assertThat(read.getSource()).isEqualTo(envelope.source());
        assertThat(read.getType()).isEqualTo(envelope.type().typeName());
        assertThat(read.getSubject()).isEqualTo(envelope.subject());
        assertThat(read.getTime()).isEqualTo(envelope.time().atOffset(ZoneOffset.UTC));
    }
}
