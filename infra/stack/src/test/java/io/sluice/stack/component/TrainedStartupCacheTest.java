package io.sluice.stack.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedStartupCacheTest {

    @TempDir
    Path dir;

    @Test
    void theFirstRunAfterABuildTrains() throws IOException {
        Path app = touch("app/quarkus-run.jar", 100);

        TrainedStartupCache cache = TrainedStartupCache.of(dir.resolve("cache"), "recording", app.getParent());

        assertThat(cache.jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + dir.resolve("cache/recording-trained.aot"));
    }

    @Test
    void laterRunsStartWithWhatTheFirstTrained() throws IOException {
        Path app = touch("app/quarkus-run.jar", 100);
        touch("cache/recording-trained.aot", 200);

        TrainedStartupCache cache = TrainedStartupCache.of(dir.resolve("cache"), "recording", app.getParent());

        assertThat(cache.jvmOptions()).containsExactly("-XX:AOTCache=" + dir.resolve("cache/recording-trained.aot"));
    }

    @Test
    void aNewBuildTrainsAgain() throws IOException {
        touch("cache/recording-trained.aot", 100);
        Path app = touch("app/quarkus-run.jar", 200);

        assertThat(TrainedStartupCache.of(dir.resolve("cache"), "recording", app.getParent()).trained()).isFalse();
    }

    @Test
    void anEmptyFileLeftByAStopThatCameTooSoonTrainsAgain() throws IOException {
        Path app = touch("app/quarkus-run.jar", 100);
        Path cache = dir.resolve("cache/recording-trained.aot");
        Files.createDirectories(cache.getParent());
        Files.setLastModifiedTime(Files.write(cache, new byte[0]), FileTime.from(Instant.ofEpochSecond(200)));

        assertThat(TrainedStartupCache.of(dir.resolve("cache"), "recording", app.getParent()).trained()).isFalse();
    }

    @Test
    void aCacheWhoseWritingFailedTrainsAgain() throws IOException {
        Path app = touch("app/quarkus-run.jar", 100);
        touch("cache/recording-trained.aot", 200);
        touch("cache/recording-trained.aot.config", 200);

        assertThat(TrainedStartupCache.of(dir.resolve("cache"), "recording", app.getParent()).trained()).isFalse();
    }

    @Test
    void onlyAJdk25OrNewerCanTrain() throws IOException {
        Path app = touch("app/quarkus-run.jar", 100).getParent();

        assertThat(new TrainedStartupCache(dir.resolve("c.aot"), app, 21).supported()).isFalse();
        assertThat(new TrainedStartupCache(dir.resolve("c.aot"), app, 25).supported()).isTrue();
    }

    private Path touch(String name, long epochSecond) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        return file;
    }
}
