package io.sluice.stack.component;

import io.sluice.stack.StackException;
import io.sluice.stack.process.LogTail;
import io.sluice.stack.process.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Health probes and the wait for a component to become healthy. */
public final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Health() {
    }

    public static boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until {@code healthy} holds. Fails early, with the tail of its log, when the process dies, and
     * after {@code timeout} when it never becomes healthy.
     */
    public static void await(ManagedProcess process, Duration timeout, BooleanSupplier healthy) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (healthy.getAsBoolean()) {
                return;
            }
            if (process.running().isEmpty()) {
                throw new StackException(process.name() + " exited during start-up; last lines of "
                        + process.logFile() + ":", LogTail.of(process.logFile(), 30));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(process.name() + " did not become healthy within " + timeout.toSeconds()
                        + " s; last lines of " + process.logFile() + ":", LogTail.of(process.logFile(), 30));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
