package io.sluice.stack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A PID file that also records when the process started, so that a PID the system has since given to an
 * unrelated process is never mistaken for ours, and never signalled.
 */
public record PidFile(Path path) {

    public void write(ProcessHandle process) {
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, process.pid() + " " + started.toEpochMilli() + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + path, e);
        }
    }

    /** The live process this file names, if it still runs and is still the one we started. */
    public Optional<ProcessHandle> liveProcess() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        String[] fields;
        try {
            fields = Files.readString(path).trim().split("\\s+");
        } catch (IOException e) {
            return Optional.empty();
        }
        if (fields.length != 2) {
            return Optional.empty();
        }
        long pid;
        long startedMillis;
        try {
            pid = Long.parseLong(fields[0]);
            startedMillis = Long.parseLong(fields[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(0L) == startedMillis);
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + path, e);
        }
    }
}
