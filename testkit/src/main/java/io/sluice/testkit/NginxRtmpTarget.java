package io.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * nginx with Debian's {@code libnginx-mod-rtmp} as a publishing target that records what it receives: every publish
 * to application {@code live} is written to {@code <stream name>.flv} in its folder. With TLS, nginx's {@code stream}
 * module terminates RTMPS on a second port in front of the same RTMP server, with a certificate made for the given
 * host names (openssl). One process ({@code master_process off}), so {@link #kill()} ends it at once and
 * {@link #start()} brings it back on the same ports.
 */
public final class NginxRtmpTarget implements AutoCloseable {

    private final Path folder;
    private final int rtmpPort;
    private final int rtmpsPort;
    private final String certificateName;
    private Process process;

    private NginxRtmpTarget(Path folder, int rtmpPort, int rtmpsPort, String certificateName) {
        this.folder = folder;
        this.rtmpPort = rtmpPort;
        this.rtmpsPort = rtmpsPort;
        this.certificateName = certificateName;
    }

    /** An RTMP target on a free port of 127.0.0.1. */
    public static NginxRtmpTarget rtmp(Path folder) {
        NginxRtmpTarget target = new NginxRtmpTarget(folder, freePort(), 0, null);
        target.configure();
        target.start();
        return target;
    }

    /** An RTMP target with RTMPS in front of it, its certificate for {@code certificateName} (and nothing else). */
    public static NginxRtmpTarget withTls(Path folder, String certificateName) {
        NginxRtmpTarget target = new NginxRtmpTarget(folder, freePort(), freePort(), certificateName);
        target.configure();
        target.start();
        return target;
    }

    public String rtmpUrl() {
        return "rtmp://127.0.0.1:" + rtmpPort + "/live";
    }

    /** The RTMPS URL, by {@code host} (which the certificate must name for the connection to be trusted). */
    public String rtmpsUrl(String host) {
        return "rtmps://" + host + ":" + rtmpsPort + "/live";
    }

    /** The self-signed certificate of the RTMPS port, PEM. */
    public String certificatePem() {
        try {
            return Files.readString(folder.resolve("cert.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What nginx recorded of the publish under {@code streamName}. */
    public Path recording(String streamName) {
        return folder.resolve("flv").resolve(streamName + ".flv");
    }

    /** How many publishes under {@code streamName} nginx has taken, as its log tells (each starts a new recording). */
    public long publishes(String streamName) {
        try {
            Path log = folder.resolve("error.log");
            if (!Files.exists(log)) {
                return 0;
            }
            String publish = "publish: name='" + streamName + "'";
            try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                return lines.filter(line -> line.contains(publish)).count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(ExternalTool.require("nginx").toString(), "-p", folder + "/", "-c",
                    folder.resolve("nginx.conf").toString(), "-e", folder.resolve("error.log").toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitListening(rtmpPort);
        if (rtmpsPort != 0) {
            awaitListening(rtmpsPort);
        }
    }

    /** Ends nginx at once, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void configure() {
        try {
            Files.createDirectories(folder.resolve("flv"));
            String tls = "";
            if (rtmpsPort != 0) {
                run(List.of(ExternalTool.require("openssl").toString(), "req", "-x509", "-newkey", "ec",
                        "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=" + certificateName,
                        "-addext", "subjectAltName=DNS:" + certificateName, "-keyout", folder.resolve("key.pem").toString(),
                        "-out", folder.resolve("cert.pem").toString()));
                tls = """
                        stream {
                          server {
                            listen 127.0.0.1:%d ssl;
                            ssl_certificate %s;
                            ssl_certificate_key %s;
                            proxy_pass 127.0.0.1:%d;
                          }
                        }
                        """.formatted(rtmpsPort, folder.resolve("cert.pem"), folder.resolve("key.pem"), rtmpPort);
            }
            String modules = "load_module " + module("ngx_rtmp_module.so") + ";\n"
                    + (rtmpsPort != 0 ? "load_module " + module("ngx_stream_module.so") + ";\n" : "");
            Files.writeString(folder.resolve("nginx.conf"), modules + """
                    daemon off;
                    master_process off;
                    error_log %s info;
                    pid %s;
                    events { worker_connections 256; }
                    rtmp {
                      server {
                        listen 127.0.0.1:%d;
                        chunk_size 4096;
                        application live {
                          live on;
                          record all;
                          record_path %s;
                        }
                        application refuse {
                          live on;
                          deny publish all;
                        }
                      }
                    }
                    """.formatted(folder.resolve("error.log"), folder.resolve("nginx.pid"), rtmpPort,
                    folder.resolve("flv")) + tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String module(String name) {
        for (String dir : new String[] {"/usr/lib/nginx/modules", "/usr/share/nginx/modules"}) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is missing; run infra/install-tools.sh");
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx did not start; see " + folder.resolve("error.log"));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("nginx does not listen on " + port);
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
