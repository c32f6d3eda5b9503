package io.sluice.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void findsTheProcessItRecorded() {
        PidFile file = new PidFile(dir.resolve("self.pid"));
        file.write(ProcessHandle.current());

        assertThat(file.liveProcess()).contains(ProcessHandle.current());
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotOurs() throws IOException {
        PidFile file = new PidFile(dir.resolve("reused.pid"));
        Files.writeString(file.path(), ProcessHandle.current().pid() + " 12345\n");

        assertThat(file.liveProcess()).isEmpty();
    }

    @Test
    void aMissingOrGarbledFileNamesNoProcess() throws IOException {
        assertThat(new PidFile(dir.resolve("none.pid")).liveProcess()).isEmpty();
        Files.writeString(dir.resolve("garbled.pid"), "not a pid");
        assertThat(new PidFile(dir.resolve("garbled.pid")).liveProcess()).isEmpty();
    }
}
