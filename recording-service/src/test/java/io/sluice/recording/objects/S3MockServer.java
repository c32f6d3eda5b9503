package io.sluice.recording.objects;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the tests: Adobe S3Mock (Maven Central {@code com.adobe.testing:s3mock}, its
 * executable jar, copied into {@code target/} by the build) run as a process on free ports, with one bucket. It
 * stores objects under a temporary folder and speaks the S3 REST API, so the AWS SDK talks to it exactly as to S3.
 */
public final class S3MockServer implements AutoCloseable {

    public static final String BUCKET = "recordings";

    private final Process process;
    private final int port;
    private final Path root;
    private final Path log;

    private S3MockServer(Process process, int port, Path root, Path log) {
        this.process = process;
        this.port = port;
        this.root = root;
        this.log = log;
    }

    /** Starts the server and waits until it answers, at most {@code timeout}. */
    public static S3MockServer start(Duration timeout) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no S3Mock jar at " + jar + "; the build copies it (mvn process-test-resources)");
        }
        int http = freePort();
        int https = freePort();
        Path root = Files.createTempDirectory("s3mock-");
        Path log = Files.createTempFile("s3mock-", ".log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(), "--server.port=" + https, "--com.adobe.testing.s3mock.httpPort=" + http,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                "--spring.main.banner-mode=off"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3MockServer server = new S3MockServer(process, http, root, log);
        server.awaitReady(timeout);
        return server;
    }

    /** Freezes the server (SIGSTOP): it takes connections and answers nothing, like a store that is away. */
    public void suspend() {
        signal("STOP");
    }

    /** Lets a suspended server answer again (SIGCONT), with every object it held. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** An object store on this server's bucket. */
    public S3ObjectStore store(Duration timeout) {
        return new S3ObjectStore(endpoint(), "us-east-1", BUCKET, "test-key", "test-secret", timeout);
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/" + BUCKET))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within " + timeout + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            resume();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // A temporary folder left behind.
        }
    }
}
