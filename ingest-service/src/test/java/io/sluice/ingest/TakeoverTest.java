package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.media.event.DecodedEvent;
import io.sluice.media.event.EventCodec;
import io.sluice.media.event.StructuredEvent;
import io.sluice.media.event.Topics;
import io.sluice.media.event.data.EndReason;
import io.sluice.media.event.data.SessionEnded;
import io.sluice.media.event.data.SessionStarted;
import io.sluice.media.event.kafka.KafkaEventRecords;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** One publisher per stream: a second publish takes over, on this instance or another. */
@QuarkusTest
class TakeoverTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Inject
    TestRegistry registry;

    @Test
    void aSecondEncoderTakesTheStreamOver() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        String url = "rtmp://localhost:" + rtmpPort + "/live/" + stream.key();
        try (MediaLog log = new MediaLog(stream.streamId()); Ffmpeg first = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
            SessionStarted firstSession = MediaLog.data(log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class),
                    Duration.ofSeconds(10)).getFirst(), SessionStarted.class);
            try (Ffmpeg second = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
                List<DecodedEvent> events = log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class)
                        && !MediaLog.data(e, SessionStarted.class).sessionId().equals(firstSession.sessionId()),
                        Duration.ofSeconds(10));
                SessionEnded ended = events.stream().filter(MediaLog::isSessionEnded)
                        .map(e -> MediaLog.data(e, SessionEnded.class)).findFirst()
                        .orElseGet(() -> MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(5)).getLast(), SessionEnded.class));

                assertThat(ended.sessionId()).isEqualTo(firstSession.sessionId());
                assertThat(ended.reason()).isEqualTo(EndReason.TAKEOVER);
                assertThat(first.awaitExit(Duration.ofSeconds(5))).as("the first encoder is let go").isNotNegative();
                assertThat(second.isAlive()).isTrue();
            }
        }
    }

    @Test
    void aNewerSessionOnAnotherInstanceTakesTheStreamOver() throws Exception {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog log = new MediaLog(stream.streamId());
                Ffmpeg local = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));

            announceSessionOnPeer(new SessionStarted(stream.streamId(), "acme", "ss_peer", "ingest-peer", "198.51.100.9:40000",
                    "rtmps", "TLSv1.3", "OBS", Instant.now()));

            SessionEnded ended = MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(5)).getLast(), SessionEnded.class);
            assertThat(ended.reason()).isEqualTo(EndReason.TAKEOVER);
            assertThat(ended.detail()).contains("ingest-peer");
        }
    }

    private static void announceSessionOnPeer(SessionStarted started) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            var record = EventCodec.encode(StructuredEvent.of(URI.create("/sluice/ingest/ingest-peer"), started, Instant.now()));
            producer.send(KafkaEventRecords.toProducerRecord(Topics.SESSIONS, record)).get();
        }
    }
}
