package io.sluice.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real ffmpeg publishing to the ingest, the way users run it. */
public final class Ffmpeg implements AutoCloseable {

    private final Process process;
    private final Path log;

    private Ffmpeg(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Publishes {@code clip} once, as fast as the ingest takes it, copying its streams unchanged. */
    public static Ffmpeg publishOnce(Path clip, String url) {
        return start(List.of("-i", clip.toString(), "-c", "copy", "-f", "flv", url));
    }

    /** Publishes {@code clip} once at its real rate, as a live encoder would, copying its streams unchanged. */
    public static Ffmpeg publishOnceLive(Path clip, String url) {
        return start(List.of("-re", "-i", clip.toString(), "-c", "copy", "-f", "flv", url));
    }

    /** Publishes {@code clip} {@code loops + 1} times back to back, as fast as the ingest takes it. */
    public static Ffmpeg publishLoopedFast(Path clip, int loops, String url) {
        return start(List.of("-stream_loop", Integer.toString(loops), "-i", clip.toString(), "-c", "copy", "-f", "flv", url));
    }

    /** Publishes {@code clip} in a loop at its real rate, until stopped: a live encoder. */
    public static Ffmpeg publishLive(Path clip, String url) {
        return start(List.of("-re", "-stream_loop", "-1", "-i", clip.toString(), "-c", "copy", "-f", "flv", url));
    }

    private static Ffmpeg start(List<String> args) {
        List<String> command = new ArrayList<>(List.of(ExternalTool.require("ffmpeg").toString(), "-hide_banner",
                "-nostdin", "-loglevel", "info"));
        command.addAll(args);
        try {
            Path log = Files.createTempFile("ffmpeg-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new Ffmpeg(process, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ffmpeg", e);
        }
    }

    /** Waits for ffmpeg to exit and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("ffmpeg still running after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What ffmpeg printed. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // A temp file left behind.
        }
    }
}
