package io.sluice.stack.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {

    @TempDir
    Path app;

    @Test
    void aJdk25UsesTheAheadOfTimeCache() throws IOException {
        touch("quarkus-run.jar", 100);
        touch("app.aot", 200);

        assertThat(new StartupCache(app, 25).jvmOptions()).containsExactly("-XX:AOTCache=" + app.resolve("app.aot"));
    }

    @Test
    void anOlderJdkCannotReadAnAheadOfTimeCache() throws IOException {
        touch("quarkus-run.jar", 100);
        touch("app.aot", 200);

        assertThat(new StartupCache(app, 21).jvmOptions()).isEmpty();
    }

    @Test
    void anAppCdsArchiveServesAnyJdk() throws IOException {
        touch("quarkus-run.jar", 100);
        touch("app-cds.jsa", 200);

        assertThat(new StartupCache(app, 21).jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + app.resolve("app-cds.jsa"));
        assertThat(new StartupCache(app, 25).jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + app.resolve("app-cds.jsa"));
    }

    @Test
    void aCacheOlderThanTheApplicationIsNotUsed() throws IOException {
        touch("app.aot", 100);
        touch("quarkus-run.jar", 200);

        assertThat(new StartupCache(app, 25).jvmOptions()).isEmpty();
    }

    @Test
    void noCacheNoOption() throws IOException {
        touch("quarkus-run.jar", 100);

        assertThat(new StartupCache(app, 25).usable()).isEmpty();
    }

    private void touch(String name, long epochSecond) throws IOException {
        Path file = Files.writeString(app.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
    }
}
