package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.support.Metrics;
import io.sluice.media.rtmp.session.ClientEvent;
import io.sluice.media.rtmp.session.ClientFailure;
import io.sluice.media.rtmp.session.ClientState;
import io.sluice.media.rtmp.session.EnhancedCapabilities;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Keys that do not work are refused with the errors encoders show, counted, and guessed at no faster than allowed. */
@QuarkusTest
class PublishRefusalTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @ConfigProperty(name = "sluice.ingest.brute-force.max-failures")
    int maxFailures;

    @Inject
    TestRegistry registry;

    @Test
    void ffmpegReportsAnUnknownKeyAndTheConnectionCloses() {
        double before = Metrics.refusals("bad_key");
        long start = System.nanoTime();
        try (Ffmpeg ffmpeg = Ffmpeg.publishOnce(TestMedia.testsrcClip(),
                "rtmps://localhost:" + rtmpsPort + "/live/" + RegistryWriter.newKey())) {
            int exit = ffmpeg.awaitExit(Duration.ofSeconds(10));

            assertThat(exit).isNotZero();
            assertThat(ffmpeg.output()).contains("invalid stream key");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(Metrics.refusals("bad_key")).isEqualTo(before + 1);
    }

    @Test
    void anUnknownKeyIsRefusedWithBadNameAndClosedWithinASecondOfThePublish() {
        double before = Metrics.refusals("bad_key");
        try (RawRtmpClient client = RawRtmpClient.connect("rtmp://localhost:" + rtmpPort + "/live/" + RegistryWriter.newKey(),
                "127.0.0.6", EnhancedCapabilities.NONE)) {
            client.awaitState(ClientState.PUBLISH_REQUESTED, Duration.ofSeconds(5));
            long published = System.nanoTime();

            ClientFailure refusal = ((ClientEvent.Failed) client.await(e -> e instanceof ClientEvent.Failed,
                    Duration.ofSeconds(5))).failure();
            assertThat(client.awaitServerClose(Duration.ofSeconds(5))).as("the server closes the connection").isTrue();
            Duration publishToClose = Duration.ofNanos(System.nanoTime() - published);

            assertThat(refusal.code()).isEqualTo("NetStream.Publish.BadName");
            assertThat(refusal.description()).isEqualTo("invalid stream key");
            assertThat(publishToClose).as("from the publish to the close").isLessThan(Duration.ofSeconds(1));
        }
        assertThat(Metrics.refusals("bad_key")).isEqualTo(before + 1);
    }

    @Test
    void aDisabledStreamIsDeniedWithItsReason() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        registry.update(stream.next(StreamKeyEntry.Status.DISABLED, stream.entry().keyHash()));

        try (RawRtmpClient client = RawRtmpClient.connect("rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            ClientFailure refusal = ((ClientEvent.Failed) client.await(e -> e instanceof ClientEvent.Failed,
                    Duration.ofSeconds(5))).failure();

            assertThat(refusal.code()).isEqualTo("NetStream.Publish.Denied");
            assertThat(refusal.description()).isEqualTo("this live stream is disabled");
            assertThat(client.awaitServerClose(Duration.ofSeconds(1))).as("closed within a second").isTrue();
        }
    }

    @Test
    void anAddressGuessingKeysIsLockedOutWhileOthersCarryOn() {
        String guesser = "127.0.0.2";
        String url = "rtmp://localhost:" + rtmpPort + "/live/";
        for (int i = 0; i < maxFailures; i++) {
            try (RawRtmpClient client = RawRtmpClient.connect(url + RegistryWriter.newKey(), guesser, EnhancedCapabilities.NONE)) {
                client.await(e -> e instanceof ClientEvent.Failed f && "NetStream.Publish.BadName".equals(f.failure().code()),
                        Duration.ofSeconds(5));
            }
        }
        double lockedBefore = Metrics.refusals("locked_out");
        RegistryWriter.TestStream stream = registry.createStream("acme");

        try (RawRtmpClient locked = RawRtmpClient.connect(url + stream.key(), guesser, EnhancedCapabilities.NONE)) {
            assertThat(locked.awaitServerClose(Duration.ofSeconds(2))).as("even a good key is refused while locked out").isTrue();
        }
        assertThat(Metrics.refusals("locked_out")).isGreaterThan(lockedBefore);
        try (RawRtmpClient other = RawRtmpClient.connect(url + stream.key(), "127.0.0.3", EnhancedCapabilities.NONE)) {
            other.awaitPublishing(Duration.ofSeconds(5));
        }
    }
}
