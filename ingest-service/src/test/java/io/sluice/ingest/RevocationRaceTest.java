package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.ingest.session.InterleavingPublishAuthorizer;
import io.sluice.ingest.session.LiveSessions;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A disable, rotation or delete that the ingest applies after a publish's key check and before the publisher
 * is registered (the registry's listeners find no session to end then) still stops the publish. The test
 * puts the change exactly there: the authorizer runs it, and waits until the ingest has applied it, before
 * it answers. Without the check after registering, the encoder would publish on a revoked key until it quit.
 */
@QuarkusTest
@TestProfile(RevocationRaceProfile.class)
class RevocationRaceTest {

    /**
     * A refused publish reaches ffmpeg at once; the bound is for a loaded machine to start ffmpeg, connect
     * and hear the answer. Without the fix ffmpeg would publish until killed.
     */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "sluice.ingest.rtmps.port")
    int rtmpsPort;

    @Inject
    TestRegistry registry;

    @Inject
    InterleavingPublishAuthorizer authorizer;

    @Inject
    LiveSessions liveSessions;

    @ParameterizedTest
    @EnumSource(Revocation.class)
    void aChangeBetweenKeyCheckAndRegistrationStillStopsThePublish(Revocation revocation) {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        int before = authorizer.interleaved();
        authorizer.afterNextAccept(stream.streamId(), () -> revocation.apply(registry, stream, true));

        try (Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(),
                "rtmps://localhost:" + rtmpsPort + "/live/" + stream.key())) {
            assertThat(ffmpeg.awaitExit(REFUSAL_BOUND)).as("ffmpeg is stopped: %s", ffmpeg.output()).isNotZero();
            assertThat(authorizer.interleaved()).as("the change ran between the key check and the registration")
                    .isEqualTo(before + 1);
            assertThat(ffmpeg.output()).contains("Server error: " + revocation.told);
            assertThat(liveSessions.byStream(stream.streamId())).isEmpty();
        }
    }
}
