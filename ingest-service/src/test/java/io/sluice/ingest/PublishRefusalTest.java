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

    @ConfigProperty(name = "sluice.ingest.new-key-wait")
    Duration newKeyWait;

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

    /**
     * The key may be on its way from auth-service, so the refusal comes once {@code new-key-wait} is over, and
     * the connection closes within a second of it.
     */
    @Test
    void anUnknownKeyIsRefusedWithBadNameOnceTheNewKeyWaitIsOverAndClosedWithinASecond() {
        double before = Metrics.refusals("bad_key");
        double notArrivedBefore = Metrics.counter("sluice_ingest_publish_key_waits_total", "outcome", "not_arrived");
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
            assertThat(publishToClose).as("from the publish to the close").isBetween(newKeyWait,
                    newKeyWait.plusSeconds(1));
        }
        assertThat(Metrics.refusals("bad_key")).isEqualTo(before + 1);
        assertThat(Metrics.counter("sluice_ingest_publish_key_waits_total", "outcome", "not_arrived"))
                .isEqualTo(notArrivedBefore + 1);
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
            guessBadKey(url, guesser);
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

    /**
     * A guesser that holds one valid key and publishes it between guesses: nine bad keys, the good one, one
     * bad key more. A good key does not wipe the failures, so that tenth failure locks the address out.
     */
    @Test
    void aGoodKeyBetweenGuessesDoesNotResetTheLockout() {
        String guesser = "127.0.0.4";
        String url = "rtmp://localhost:" + rtmpPort + "/live/";
        RegistryWriter.TestStream stream = registry.createStream("acme");
        for (int i = 0; i < maxFailures - 1; i++) {
            guessBadKey(url, guesser);
        }
        try (RawRtmpClient good = RawRtmpClient.connect(url + stream.key(), guesser, EnhancedCapabilities.NONE)) {
            good.awaitPublishing(Duration.ofSeconds(5));
        }
        guessBadKey(url, guesser);

        try (RawRtmpClient locked = RawRtmpClient.connect(url + stream.key(), guesser, EnhancedCapabilities.NONE)) {
            assertThat(locked.awaitServerClose(Duration.ofSeconds(2))).as("locked out, even with the good key").isTrue();
        }
    }

    private static void guessBadKey(String url, String from) {
        try (RawRtmpClient client = RawRtmpClient.connect(url + RegistryWriter.newKey(), from, EnhancedCapabilities.NONE)) {
            client.await(e -> e instanceof ClientEvent.Failed f && "NetStream.Publish.BadName".equals(f.failure().code()),
                    Duration.ofSeconds(5));
        }
    }
}
