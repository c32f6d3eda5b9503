package io.sluice.ingest.listener;

import io.quarkus.runtime.StartupEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.metrics.IngestMetrics;
import io.sluice.ingest.proxy.ClientAddress;
import io.sluice.ingest.proxy.ProxyHeaderReader;
import io.sluice.ingest.security.AddressRanges;
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
import io.vertx.core.buffer.Buffer;
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
 *
 * <p>An RTMPS connection is accepted as plain TCP and upgraded to TLS only once it passed the lockout, the
 * memory budget and the connection limits, so a TLS handshake, the costliest thing a stranger can ask of
 * us, counts against them from the first packet, and one address may have only a few in progress. With the
 * PROXY protocol on, the header (read before TLS) names the client; only trusted load balancers may send it.
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
    private final AddressRanges trustedProxies;
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
        this.trustedProxies = trustedProxies(config.proxyProtocol());
    }

    private static AddressRanges trustedProxies(IngestConfig.ProxyProtocol proxy) {
        AddressRanges ranges = AddressRanges.parse(proxy.trustedSources().orElse(List.of()));
        if (proxy.enabled() && ranges.isEmpty()) {
            throw new IllegalStateException("sluice.ingest.proxy-protocol.enabled needs "
                    + "sluice.ingest.proxy-protocol.trusted-sources: the load balancers allowed to name clients");
        }
        return ranges;
    }

    void start(@Observes StartupEvent event) {
        int instances = config.eventLoops().orElse(Math.max(1, Runtime.getRuntime().availableProcessors()));
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
        LOG.infof("listening for RTMPS on %s:%d (TLS 1.2/1.3) and RTMP on %s:%d%s, on %d event loop(s)%s", config.rtmps().host(),
                rtmpsPort(), config.rtmp().host(), rtmpPort(),
                config.rtmpsOnly() ? " (RTMPS only: plain RTMP connects are refused)" : "", eventLoops.size(),
                config.proxyProtocol().enabled() ? ", behind the PROXY protocol" : "");
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

    /** Plain TCP with the TLS settings a connection is upgraded with once it is let in. */
    private NetServerOptions rtmpsOptions() {
        NetServerOptions options = new NetServerOptions()
                .setHost(config.rtmps().host())
                .setPort(config.rtmps().port())
                .setTcpNoDelay(true)
                .setSsl(false)
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
        String peer = socket.remoteAddress().host();
        if (!config.proxyProtocol().enabled()) {
            admit(socket, protocol, new ClientAddress(peer, socket.remoteAddress().port()), Buffer.buffer());
            return;
        }
        if (!trustedProxies.contains(peer)) {
            LOG.infof("connection from %s refused: proxy_untrusted (not in sluice.ingest.proxy-protocol.trusted-sources)", peer);
            refuse(socket, "proxy_untrusted");
            return;
        }
        ProxyHeaderReader.read(vertx, socket, config.limits().handshakeTimeout()).onComplete(read -> {
            if (read.failed()) {
                LOG.infof("connection from %s refused: proxy_header_invalid: %s", peer, read.cause().getMessage());
                refuse(socket, "proxy_header_invalid");
                return;
            }
            ClientAddress client = read.result().header().client()
                    .orElse(new ClientAddress(peer, socket.remoteAddress().port()));
            admit(socket, protocol, client, read.result().rest());
        });
    }

    /**
     * Lets a connection in, or not, by its client's address: the lockout, the memory budget and the
     * connection limits. {@code alreadyRead} came after a PROXY header in the same read.
     */
    private void admit(NetSocket socket, String protocol, ClientAddress client, Buffer alreadyRead) {
        String ip = client.host();
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
        if (protocol.equals("rtmps")) {
            upgradeToTls(socket, client, alreadyRead);
        } else {
            IngestConnection.open(services, socket, vertx.getOrCreateContext(), protocol, client, alreadyRead);
        }
    }

    /**
     * The TLS handshake of a connection that was let in: too slow (a ClientHello a byte at a time, or none),
     * refused by the TLS policy (an old protocol version, a weak cipher suite) or broken, it is counted and
     * logged with the client's address. Its connection slot is already taken, so it is given back however the
     * handshake ends; {@link IngestConnection} takes over once it succeeded. TLS bytes read with a PROXY header
     * go to the TLS handler once it is in place, as if they had just arrived.
     */
    private void upgradeToTls(NetSocket socket, ClientAddress client, Buffer alreadyRead) {
        String ip = client.host();
        Optional<String> over = limits.tryBeginHandshake(ip);
        if (over.isPresent()) {
            LOG.infof("connection from %s refused: %s", ip, over.get());
            abandon(socket, ip, over.get());
            return;
        }
        socket.upgradeToSsl().onComplete(handshake -> {
            limits.endHandshake(ip);
            if (handshake.succeeded()) {
                IngestConnection.open(services, socket, vertx.getOrCreateContext(), "rtmps", client, Buffer.buffer());
            } else {
                String reason = rootCause(handshake.cause()) instanceof SslHandshakeTimeoutException
                        ? "tls_handshake_timeout" : "tls_handshake_failed";
                LOG.infof("RTMPS connection from %s closed during the TLS handshake (%s): %s", ip, reason,
                        rootMessage(handshake.cause()));
                abandon(socket, ip, reason);
            }
        });
        if (alreadyRead.length() > 0) {
            TlsInput.replay(socket, alreadyRead);
        }
        socket.resume();
    }

    /** A connection that was counted as open but never became an {@link IngestConnection}. */
    private void abandon(NetSocket socket, String ip, String reason) {
        limits.close(ip);
        metrics.connectionClosed("rtmps");
        refuse(socket, reason);
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
        return rootCause(e).getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
