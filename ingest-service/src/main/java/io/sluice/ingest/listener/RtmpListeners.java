package io.sluice.ingest.listener;

import io.quarkus.runtime.StartupEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.metrics.IngestMetrics;
import io.sluice.ingest.security.BruteForceGuard;
import io.sluice.ingest.security.ConnectionLimits;
import io.sluice.ingest.session.ConnectionServices;
import io.sluice.ingest.session.IngestConnection;
import io.sluice.ingest.tls.SwappableKeyManager;
import io.sluice.ingest.tls.TlsMaterial;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The RTMP and RTMPS listeners. Each is several Vert.x servers on one port, one per core, each started on
 * an event loop of its own: Vert.x hands a port's accepted connections to its servers in turn, and a
 * server serves its connections on the event loop it was started on, so connections spread over the cores.
 * The RTMPS certificate is re-read when its files change; new connections get the new one, live
 * connections keep theirs.
 */
@ApplicationScoped
public class RtmpListeners {

    private static final Logger LOG = Logger.getLogger(RtmpListeners.class);

    private final Vertx vertx;
    private final IngestConfig config;
    private final ConnectionServices services;
    private final ConnectionLimits limits;
    private final BruteForceGuard bruteForce;
    private final IngestMetrics metrics;
    private final List<NetServer> rtmpServers = new CopyOnWriteArrayList<>();
    private final List<NetServer> rtmpsServers = new CopyOnWriteArrayList<>();
    private final Set<String> eventLoops = ConcurrentHashMap.newKeySet();
    private volatile TlsMaterial tls;
    private SwappableKeyManager keys;
    private volatile boolean accepting = true;
    private long reloadTimer = -1;

    RtmpListeners(Vertx vertx, IngestConfig config, ConnectionServices services, ConnectionLimits limits,
            BruteForceGuard bruteForce, IngestMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.services = services;
        this.limits = limits;
        this.bruteForce = bruteForce;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        tls = TlsMaterial.load(config.rtmps().tls(), vertx);
        keys = new SwappableKeyManager(tls.keyManager());
        // Servers started from this thread would all share its one event loop; each verticle instance has its own.
        try {
            vertx.deployVerticle(ListenerPair::new, new DeploymentOptions().setInstances(instances))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IllegalStateException cannotListen ? cannotListen
                    : new IllegalStateException("cannot start the RTMP listeners: " + rootMessage(e), e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot start the RTMP listeners: " + e, e);
        }
        LOG.infof("listening for RTMPS on %s:%d (TLS 1.2/1.3) and RTMP on %s:%d%s, on %d event loops", config.rtmps().host(),
                rtmpsPort(), config.rtmp().host(), rtmpPort(),
                config.rtmpsOnly() ? " (RTMPS only: plain RTMP connects are refused)" : "", eventLoops.size());
        reloadTimer = vertx.setPeriodic(config.rtmps().tls().reloadCheckInterval().toMillis(), id -> reloadCertificate());
    }

    /** One RTMPS and one RTMP server on the event loop of this verticle instance. */
    private final class ListenerPair extends AbstractVerticle {

        @Override
        public void start(Promise<Void> started) {
            eventLoops.add(Thread.currentThread().getName());
            NetServerOptions rtmp = new NetServerOptions().setHost(config.rtmp().host()).setPort(config.rtmp().port())
                    .setTcpNoDelay(true);
            Future.all(listen(rtmpsOptions(), "rtmps", rtmpsServers), listen(rtmp, "rtmp", rtmpServers))
                    .<Void>mapEmpty().onComplete(started);
        }
    }

    /** The event loops the listeners run on, by thread name. */
    public Set<String> eventLoops() {
        return Set.copyOf(eventLoops);
    }

    private NetServerOptions rtmpsOptions() {
        NetServerOptions options = new NetServerOptions()
                .setHost(config.rtmps().host())
                .setPort(config.rtmps().port())
                .setTcpNoDelay(true)
                .setSsl(true)
                .setSslHandshakeTimeout(config.limits().handshakeTimeout().toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeyCertOptions(KeyCertOptions.wrap(keys))
                .setEnabledSecureTransportProtocols(TlsMaterial.PROTOCOLS);
        TlsMaterial.CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
        return options;
    }

    private Future<NetServer> listen(NetServerOptions options, String protocol, List<NetServer> servers) {
        NetServer server = vertx.createNetServer(options);
        server.connectHandler(socket -> accept(socket, protocol));
        if (options.isSsl()) {
            server.exceptionHandler(this::tlsHandshakeFailed);
        }
        return server.listen()
                .onSuccess(servers::add)
                .recover(e -> Future.failedFuture(new IllegalStateException("cannot listen for " + protocol.toUpperCase()
                        + " on " + options.getHost() + ":" + options.getPort() + ": " + rootMessage(e), e)));
    }

    private void accept(NetSocket socket, String protocol) {
        if (!accepting) {
            refuse(socket, "shutting_down");
            return;
        }
        String ip = socket.remoteAddress().host();
        if (bruteForce.isLockedOut(ip)) {
            refuse(socket, "locked_out");
            return;
        }
        if (services.memoryBudgetExhausted()) {
            LOG.infof("connection from %s refused: memory_budget (%d of %d bytes held by open connections)", ip,
                    services.memoryBudget().used(), services.memoryBudget().capacity());
            refuse(socket, "memory_budget");
            return;
        }
        Optional<String> over = limits.tryOpen(ip);
        if (over.isPresent()) {
            LOG.infof("connection from %s refused: %s", ip, over.get());
            refuse(socket, over.get());
            return;
        }
        metrics.connectionOpened(protocol);
        IngestConnection.open(services, socket, vertx.getOrCreateContext(), protocol);
    }

    /**
     * A TLS connection that never finished its handshake: too slow (a client that sends its ClientHello
     * a byte at a time, or never), or refused by the TLS policy (an old protocol version, a weak cipher
     * suite) or broken. Vert.x closes it before it reaches {@link #accept}; it is counted and logged here.
     * Vert.x names no client address at this point.
     */
    private void tlsHandshakeFailed(Throwable error) {
        String reason = error instanceof SslHandshakeTimeoutException ? "tls_handshake_timeout" : "tls_handshake_failed";
        metrics.refused(reason);
        LOG.infof("RTMPS connection closed during the TLS handshake (%s): %s", reason, rootMessage(error));
    }

    private void refuse(NetSocket socket, String reason) {
        metrics.refused(reason);
        socket.close();
    }

    private void reloadCertificate() {
        TlsMaterial current = tls;
        vertx.<TlsMaterial>executeBlocking(() -> current.matchesFiles(config.rtmps().tls()) ? current
                : TlsMaterial.load(config.rtmps().tls(), vertx), false).onComplete(result -> {
            if (result.failed()) {
                LOG.errorf("cannot reload the RTMPS certificate, keeping the current one: %s", rootMessage(result.cause()));
                return;
            }
            TlsMaterial fresh = result.result();
            if (fresh == current) {
                return;
            }
            tls = fresh;
            keys.swap(fresh.keyManager());
            LOG.info("RTMPS certificate changed on disk: new connections use the new one");
        });
    }

    /**
     * Turns new connections away while live ones carry on: the first step of a graceful shutdown. (Closing
     * a Vert.x server would also close every connection it accepted.)
     */
    public void stopAccepting() {
        accepting = false;
        vertx.cancelTimer(reloadTimer);
    }

    /** Closes the listeners and whatever connection is left: the last step of a shutdown. */
    public void close() {
        List<NetServer> all = new ArrayList<>(rtmpsServers);
        all.addAll(rtmpServers);
        for (NetServer server : all) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warnf("closing a listener: %s", rootMessage(e));
            }
        }
        rtmpServers.clear();
        rtmpsServers.clear();
    }

    public int rtmpPort() {
        return rtmpServers.isEmpty() ? config.rtmp().port() : rtmpServers.getFirst().actualPort();
    }

    public int rtmpsPort() {
        return rtmpsServers.isEmpty() ? config.rtmps().port() : rtmpsServers.getFirst().actualPort();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
