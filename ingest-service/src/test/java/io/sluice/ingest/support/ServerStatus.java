package io.sluice.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.Ffmpeg;
import java.time.Duration;

/** What ffmpeg shows of the status the ingest ends its session with: the rows of the README's table. */
public final class ServerStatus {

    /** ffmpeg quits at once on an error status; the bound is for a loaded machine. */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(10);

    private ServerStatus() {
    }

    /**
     * ffmpeg was told to stop with an error status (not NetStream.Unpublish.Success, after which it would
     * only see the connection end): it prints {@code Server error: <description>} and exits with an error.
     */
    public static void assertToldToStop(Ffmpeg ffmpeg, String description) {
        assertThat(ffmpeg.awaitExit(EXIT_BOUND)).as("ffmpeg fails: %s", ffmpeg.output()).isNotZero();
        assertThat(ffmpeg.output()).contains("Server error: " + description);
    }
}
