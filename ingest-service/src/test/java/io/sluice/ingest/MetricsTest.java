package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.DecodedEvent;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.ingest.support.Metrics;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.RegistryWriter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The metrics the README lists, as Prometheus reads them, following one session from its connection to its
 * end. Backpressure, refusals, produce failures and follower restarts are checked where they happen
 * (BackpressureTest, MalformedInputTest and others, KafkaUnavailableTest, RegistryFollowerTest); here they
 * must at least be there.
 */
@QuarkusTest
class MetricsTest {

    private static final byte[] KEYFRAME = {0x17, 0x01, 0, 0, 0, 0, 0, 0, 1, 0x65};
    private static final byte[] AAC_FRAME = {(byte) 0xAF, 0x01, 0x21, 0x10, 0x04};

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @Inject
    TestRegistry registry;

    @Test
    void aSessionIsCountedFromItsConnectionToItsEnd() throws Exception {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        double connections = Metrics.counter("sluice_ingest_connections_total", "protocol", "rtmp");
        double open = Metrics.counter("sluice_ingest_connections_open", "protocol", "rtmp");
        double live = Metrics.value("sluice_ingest_sessions_live", "", "");
        double started = Metrics.value("sluice_ingest_sessions_started_total", "", "");
        double ended = Metrics.counter("sluice_ingest_sessions_ended_total", "reason", "client_closed");
        double video = Metrics.counter("sluice_ingest_messages_in_total", "type", "io.sluice.media.video");
        double audio = Metrics.counter("sluice_ingest_messages_in_total", "type", "io.sluice.media.audio");
        double bytes = Metrics.counter("sluice_ingest_bytes_in_total", "protocol", "rtmp");
        double acked = Metrics.value("sluice_ingest_kafka_ack_latency_seconds_count", "", "");

        try (MediaLog log = new MediaLog(stream.streamId())) {
            try (RawRtmpClient client = RawRtmpClient.connect("rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
                client.awaitPublishing(Duration.ofSeconds(5));
                for (int i = 0; i < 5; i++) {
                    client.sendVideo(40L * i, KEYFRAME);
                    client.sendAudio(40L * i, AAC_FRAME);
                }
                log.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() == 10, Duration.ofSeconds(5));

                assertThat(Metrics.value("sluice_ingest_connections_total", "protocol", "rtmp")).isEqualTo(connections + 1);
                assertThat(Metrics.value("sluice_ingest_connections_open", "protocol", "rtmp")).isEqualTo(open + 1);
                assertThat(Metrics.value("sluice_ingest_sessions_live", "", "")).isEqualTo(live + 1);
                assertThat(Metrics.value("sluice_ingest_sessions_started_total", "", "")).isEqualTo(started + 1);
                assertThat(Metrics.value("sluice_ingest_messages_in_total", "type", "io.sluice.media.video")).isEqualTo(video + 5);
                assertThat(Metrics.value("sluice_ingest_messages_in_total", "type", "io.sluice.media.audio")).isEqualTo(audio + 5);
                assertThat(Metrics.value("sluice_ingest_bytes_in_total", "protocol", "rtmp") - bytes)
                        .as("every byte read, handshake and commands included").isGreaterThan(1536 + 5 * (KEYFRAME.length + AAC_FRAME.length));
                assertThat(eventually(() -> Metrics.value("sluice_ingest_kafka_ack_latency_seconds_count", "", "") >= acked + 10))
                        .as("the read-to-ack time of every media message").isTrue();
            }
            List<DecodedEvent> events = log.awaitSessionEnded(Duration.ofSeconds(5));
            assertThat(MediaLog.data(events.getLast(), SessionEnded.class).reason()).isEqualTo(EndReason.CLIENT_CLOSED);
        }
        assertThat(Metrics.value("sluice_ingest_sessions_ended_total", "reason", "client_closed")).isEqualTo(ended + 1);
        assertThat(Metrics.value("sluice_ingest_sessions_live", "", "")).isEqualTo(live);
        assertThat(eventually(() -> Metrics.value("sluice_ingest_connections_open", "protocol", "rtmp") == open))
                .as("the connection is no longer open").isTrue();
        assertThat(eventually(() -> Metrics.value("sluice_ingest_kafka_inflight_bytes", "", "") == 0))
                .as("nothing left in flight once Kafka has acknowledged everything").isTrue();
        assertThat(eventually(() -> Metrics.value("sluice_ingest_memory_budget_used_bytes", "", "") == 0))
                .as("the connection's share of the memory budget is given back").isTrue();
    }

    @Test
    void theLatencyHistogramAndTheOtherSeriesAreExposed() {
        List<Double> bounds = Metrics.bucketBounds("sluice_ingest_kafka_ack_latency_seconds_bucket");
        for (int step = 0; step <= 76; step++) {
            double bound = (1_000 + 250 * step) / 1e6;
            assertThat(bounds).as("a bucket at %s ms, so the median and the p99 read to a quarter of a millisecond", bound * 1e3)
                    .anySatisfy(b -> assertThat(b).isCloseTo(bound, within(1e-9)));
        }
        assertThat(bounds).as("Micrometer's own bounds up to 30 s as well").anySatisfy(b -> assertThat(b).isGreaterThan(20.0));
        assertThat(Metrics.value("sluice_ingest_backpressure_pause_seconds_count", "", "")).isNotNegative();
        assertThat(Metrics.value("sluice_ingest_registry_malformed_total", "", "")).isNotNegative();
        assertThat(Metrics.value("sluice_ingest_memory_budget_capacity_bytes", "", ""))
                .as("a quarter of the heap by default").isEqualTo(Runtime.getRuntime().maxMemory() / 4);
        for (String follower : List.of("ingest-registry", "ingest-peer-sessions", "ingest-lost-sessions")) {
            assertThat(Metrics.value("sluice_ingest_follower_restarts_total", "follower", follower)).as(follower).isZero();
        }
    }

    @Test
    void theListenersAreMeteredOnceAndEveryMediaTypeFromTheStart() throws Exception {
        try (RawRtmpClient client = RawRtmpClient.connect("rtmp://localhost:" + rtmpPort + "/live/unknown-key")) {
            assertThat(Metrics.find("sluice_ingest_bytes_in_total", "protocol", "rtmp")).as("the ingest's own count").isPresent();
            // Vert.x's TCP meters recorded every socket read a second time; they are turned off (ListenerTcpMeters).
            for (String vertxSeries : List.of("tcp_bytes_read_count", "tcp_bytes_read_sum", "tcp_active_connections")) {
                assertThat(Metrics.find(vertxSeries, "", "")).as(vertxSeries).isEmpty();
            }
        }
        assertThat(Metrics.find("http_server_active_requests", "", "")).as("the HTTP side keeps its meters").isPresent();
        for (String type : List.of("io.sluice.media.video", "io.sluice.media.audio", "io.sluice.media.metadata",
                "io.sluice.media.data")) {
            assertThat(Metrics.find("sluice_ingest_messages_in_total", "type", type)).as(type).isPresent();
        }
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    void theJvmIsMeasuredWithoutListeningToEveryCollection() {
        // Counted from the collectors' totals when read; Quarkus's binder listened to each collection instead.
        assertThat(Metrics.value("jvm_gc_collections_total", "", "")).isGreaterThanOrEqualTo(0);
        assertThat(Metrics.value("jvm_gc_collection_seconds_total", "", "")).isGreaterThanOrEqualTo(0);
        assertThat(Metrics.find("jvm_gc_pause_seconds_count", "", "")).as("the per-collection listener's timer").isEmpty();
        assertThat(Metrics.find("jvm_gc_overhead", "", "")).as("the per-collection listener's gauge").isEmpty();
        assertThat(Metrics.value("jvm_memory_used_bytes", "area", "heap")).isPositive();
        assertThat(Metrics.value("jvm_threads_live_threads", "", "")).isPositive();
        assertThat(Metrics.value("jvm_classes_loaded_classes", "", "")).isPositive();
    }
}
