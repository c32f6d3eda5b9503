package io.sluice.media.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real RTMP server for client tests: Debian's nginx with libnginx-mod-rtmp, started in the foreground
 * from a configuration generated into a temporary directory, on a free loopback port, with
 * {@code record all} into that directory.
 */
public final class NginxRtmpServer implements AutoCloseable {

    private static final List<Path> MODULE_LOCATIONS = List.of(
            Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so"),
            Path.of("/usr/share/nginx/modules/ngx_rtmp_module.so"),
            Path.of("/usr/lib64/nginx/modules/ngx_rtmp_module.so"),
            Path.of("/usr/local/nginx/modules/ngx_rtmp_module.so"));

    private final Path directory;
    private final int port;
    private final Process process;

    /**
     * Starts nginx with one application {@code live}; {@code extraDirectives} go into its block (for
     * example {@code deny publish all;}).
     */
    public NginxRtmpServer(Path directory, String extraDirectives) {
        Path nginx = ExternalTool.require("nginx", "/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin");
        Path module = ExternalTool.requireFile("the nginx RTMP module", MODULE_LOCATIONS);
        this.directory = directory;
        this.port = freePort();
        try {
            Files.createDirectories(recordings());
            Path config = directory.resolve("nginx.conf");
            Files.writeString(config, """
                    load_module %s;
                    daemon off;
                    master_process off;
                    error_log %s info;
                    pid %s;
                    events { worker_connections 64; }
                    rtmp {
                      server {
                        listen 127.0.0.1:%d;
                        chunk_size 4096;
                        application live {
                          live on;
                          record all;
                          record_path %s;
                          record_unique off;
                          %s
                        }
                      }
                    }
                    """.formatted(module, errorLog(), directory.resolve("nginx.pid"), port, recordings(),
                    extraDirectives), StandardCharsets.UTF_8);
            process = new ProcessBuilder(nginx.toString(), "-e", errorLog().toString(), "-p", directory + "/",
                    "-c", config.toString()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("nginx.out").toFile()).start();
            awaitListening();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path recordings() {
        return directory.resolve("recordings");
    }

    public Path errorLog() {
        return directory.resolve("error.log");
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(directory.resolve("nginx.out")));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
