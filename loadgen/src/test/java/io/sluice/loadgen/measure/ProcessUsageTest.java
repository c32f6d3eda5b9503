package io.sluice.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessUsageTest {

    @TempDir
    Path proc;

    @Test
    void countsTheProcessAndEveryDescendantButNotItsParentOrStrangers() throws IOException {
        process(1, 0, "init", 50, 50, 100);
        process(100, 1, "nginx: master process", 10, 5, 3000);
        process(101, 100, "nginx: worker (process)", 200, 100, 4000);
        process(102, 100, "nginx: worker", 300, 0, 5000);
        process(103, 102, "helper", 1, 1, 1000);
        process(200, 1, "other", 999, 999, 9999);

        ProcessUsage nginx = new ProcessUsage(proc, 100, 100);

        assertThat(nginx.cpuNanos()).isEqualTo((15 + 300 + 300 + 2) * 10_000_000L);
        assertThat(nginx.residentBytes()).isEqualTo((3000 + 4000 + 5000 + 1000) * 1024L);
    }

    @Test
    void aProcessThatExitedIsAnError() throws IOException {
        process(1, 0, "init", 0, 0, 0);

        assertThatThrownBy(() -> new ProcessUsage(proc, 42, 100).cpuNanos()).hasMessageContaining("42 has exited");
    }

    @Test
    void readsThisProcessFromTheRealProc() {
        ProcessUsage self = ProcessUsage.of(ProcessHandle.current().pid());

        assertThat(self.cpuNanos()).isPositive();
        assertThat(self.residentBytes()).isGreaterThan(10_000_000L);
    }

    /** A /proc entry as Linux writes it: the name in parentheses, then the fields proc(5) lists. */
    private void process(long pid, long parent, String name, long userTicks, long systemTicks, long residentKb)
            throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (" + name + ") S " + parent
                + " 1 1 0 -1 4194560 100 0 0 0 " + userTicks + " " + systemTicks + " 0 0 20 0 1 0 100 1000000 250\n");
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nVmRSS:\t  " + residentKb + " kB\nThreads:\t1\n");
    }
}
