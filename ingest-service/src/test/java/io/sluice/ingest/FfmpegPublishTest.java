package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventType;
import io.sluice.events.MediaEvent;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.ingest.support.Metrics;
import io.sluice.ingest.support.SourceTags;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real ffmpeg publishes the test clip; on the real Kafka, between session.started and session.ended,
 * every audio and video tag of the source arrives in order and byte-identical, numbered without a gap.
 */
@QuarkusTest
class FfmpegPublishTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @ParameterizedTest
    @ValueSource(strings = {"rtmp", "rtmps"})
    void everySourceTagArrivesInOrderAndByteIdentical(String protocol) {
        Path clip = TestMedia.testsrcClip();
        RegistryWriter.TestStream stream = registry.createStream("acme");
        int port = protocol.equals("rtmp") ? rtmpPort : rtmpsPort;
        double videoBefore = Metrics.counter("sluice_ingest_messages_in_total", "type", "io.sluice.media.video");
        double ackedBefore = Metrics.value("sluice_ingest_kafka_ack_latency_seconds_count", "", "");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg ffmpeg = Ffmpeg.publishOnce(clip, protocol + "://localhost:" + port + "/live/" + stream.key())) {
            assertThat(ffmpeg.awaitExit(Duration.ofSeconds(30))).as(ffmpeg.output()).isZero();
            List<DecodedEvent> events = log.awaitSessionEnded(Duration.ofSeconds(10));

            assertThat(MediaLog.is(events.getFirst(), SessionStarted.class)).as("first event").isTrue();
            SessionStarted started = MediaLog.data(events.getFirst(), SessionStarted.class);
            assertThat(started.protocol()).isEqualTo(protocol);
            assertThat(started.tenant()).isEqualTo("acme");
            assertThat(started.tlsVersion()).isEqualTo(protocol.equals("rtmps") ? "TLSv1.3" : null);
            SessionEnded ended = MediaLog.data(events.getLast(), SessionEnded.class);
            assertThat(ended.reason()).isEqualTo(EndReason.CLIENT_CLOSED);
            assertThat(ended.sessionId()).isEqualTo(started.sessionId());

            List<MediaEvent> media = events.subList(1, events.size() - 1).stream()
                    .map(e -> ((DecodedEvent.Media) e).event()).toList();
            assertThat(media).extracting(MediaEvent::sessionId).containsOnly(started.sessionId());
            assertThat(media).extracting(MediaEvent::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, media.size()).boxed().toList());
            assertSameTags(media, EventType.MEDIA_VIDEO, SourceTags.of(clip, FlvTagType.VIDEO));
            assertSameTags(media, EventType.MEDIA_AUDIO, SourceTags.of(clip, FlvTagType.AUDIO));
            assertThat(media).filteredOn(m -> m.envelope().type() == EventType.MEDIA_METADATA).hasSize(1);
            assertThat(ended.videoFrames()).isEqualTo(77);
            assertThat(ended.audioFrames()).isEqualTo(132);
            assertThat(Metrics.value("sluice_ingest_messages_in_total", "type", "io.sluice.media.video") - videoBefore).isEqualTo(77);
            // The producer's callback can run just after a consumer has already read the record.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (acked(ackedBefore) < media.size() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(acked(ackedBefore)).as("every media message's read-to-ack time is measured")
                    .isGreaterThanOrEqualTo(media.size());
        }
    }

    private static double acked(double before) {
        return Metrics.value("sluice_ingest_kafka_ack_latency_seconds_count", "", "") - before;
    }

    private static void assertSameTags(List<MediaEvent> media, EventType type, List<FlvTag> source) {
        List<MediaEvent> received = media.stream().filter(m -> m.envelope().type() == type).toList();
        assertThat(received).as(type + " count").hasSize(source.size());
        for (int i = 0; i < source.size(); i++) {
            assertThat(received.get(i).payload()).as(type + " tag " + i).isEqualTo(source.get(i).body().toByteArray());
            assertThat(received.get(i).rtmpTimestamp()).as(type + " timestamp " + i).isEqualTo(source.get(i).timestamp());
        }
    }
}
