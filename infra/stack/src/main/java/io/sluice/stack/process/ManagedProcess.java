package io.sluice.stack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One process the stack started and owns: its PID file, its log, and how to stop it. Processes are
 * started in their own session (setsid), so that they outlive the launcher and a Ctrl-C in the terminal
 * that ran {@code up} does not reach them; {@code down} finds them again through the PID file only, never
 * by name.
 */
public final class ManagedProcess {

    private final String name;
    private final PidFile pidFile;
    private final Path logFile;

    public ManagedProcess(String name, Path runDir, Path logDir) {
        this.name = name;
        this.pidFile = new PidFile(runDir.resolve(name + ".pid"));
        this.logFile = logDir.resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public Optional<ProcessHandle> running() {
        return pidFile.liveProcess();
    }

    /** Starts the command detached, appending its output to the log, and records its PID. */
    public ProcessHandle start(List<String> command, Map<String, String> environment, Path workingDirectory) {
        List<String> detached = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            detached.add("/usr/bin/setsid");
        }
        detached.addAll(command);
        try {
            ProcessHandle handle = builder(detached, environment, workingDirectory).start().toHandle();
            pidFile.write(handle);
            return handle;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Records a process that a helper started for us (postgres' postmaster, forked by pg_ctl). */
    public void adopt(ProcessHandle process) {
        pidFile.write(process);
    }

    /** Runs a short command to completion, output to the log; returns its exit code. */
    public int runToCompletion(List<String> command, Map<String, String> environment, Path workingDirectory,
            Duration timeout) {
        try {
            Process process = builder(command, environment, workingDirectory).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Stops the process and everything it started: SIGTERM first, SIGKILL after the grace period.
     * Returns the PID that was stopped, if one was running.
     */
    public Optional<Long> stop(Duration grace) {
        Optional<ProcessHandle> live = running();
        if (live.isEmpty()) {
            pidFile.delete();
            return Optional.empty();
        }
        ProcessHandle process = live.get();
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        pidFile.delete();
        return Optional.of(process.pid());
    }

    /** Output appended to the log, no input: what every process of the stack gets. */
    private ProcessBuilder builder(List<String> command, Map<String, String> environment, Path workingDirectory) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(prepareLog()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return builder;
    }

    private java.io.File prepareLog() {
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + logFile.getParent(), e);
        }
        return logFile.toFile();
    }
}
