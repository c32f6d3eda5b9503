package io.sluice.ingest.session;

import io.netty.buffer.ByteBuf;
import io.sluice.events.EventType;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.StreamKeyEntry;
import io.sluice.events.kafka.SessionMediaRecords;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.proxy.ClientAddress;
import io.sluice.media.rtmp.session.CloseReason;
import io.sluice.media.rtmp.session.ConnectRequest;
import io.sluice.media.rtmp.session.EnhancedCapabilities;
import io.sluice.media.rtmp.session.PublishRefusal;
import io.sluice.media.rtmp.session.PublishRequest;
import io.sluice.media.rtmp.session.RtmpServerSession;
import io.sluice.media.rtmp.session.ServerEvent;
import io.sluice.media.rtmp.session.ServerState;
import io.sluice.media.rtmp.session.SessionFailure;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * One encoder connection: bytes from the socket go into media-core's {@link RtmpServerSession}, its
 * output goes back to the socket, and a published stream goes to Kafka as the session's events.
 *
 * <p>Everything runs on the connection's event loop; other threads (the registry consumer, Kafka's
 * callbacks, the admin API) hop onto it through {@link #context}. Backpressure is {@link SocketFlowControl}'s,
 * the once-a-second limits of a live session {@link LiveSessionLimits}', its figures {@link StreamStats}',
 * and the order against sessions of the same stream on other instances {@link PeerTakeover}'s.
 */
public final class IngestConnection {

    private static final Logger LOG = Logger.getLogger(IngestConnection.class);
    private static final long CHECK_INTERVAL_MS = 1_000;
    /**
     * How long a publish that takes a stream over waits for the previous publisher on this instance to hand
     * its last events to Kafka. That takes one hop onto the other connection's event loop; the bound only
     * guards against a loop that is stuck.
     */
    private static final Duration TAKEOVER_WAIT = Duration.ofSeconds(1);

    private final ConnectionServices services;
    private final IngestConfig config;
    private final NetSocket socket;
    private final Context context;
    private final String protocol;
    /** This protocol's count of bytes read, in the metrics. */
    private final LongAdder bytesIn;
    private final String clientAddress;
    private final String clientIp;
    private final String tlsVersion;
    private final RtmpServerSession rtmp;
    private final SocketInput input;
    private final SocketFlowControl flow;
    private final ReplyWriter replies;
    /** Set by the first media record Kafka gave up on: one failure ends the session, the others are its echo. */
    private final AtomicBoolean mediaFailed = new AtomicBoolean();
    private final long openedNanos = System.nanoTime();
    /** When bytes last came from the client; volatile for a publisher on another event loop taking over. */
    private volatile long lastReadNanos = openedNanos;
    /** Done once this connection's last events are handed to Kafka: what a publisher taking over waits for. */
    private final CompletableFuture<Void> endHandedOver = new CompletableFuture<>();
    /**
     * Done once the publisher this one took over from has handed over its end (or the wait ran out). A
     * connection that ends while still waiting hands over its own end only after that, so publishers in
     * quick succession still come one after the other.
     */
    private CompletableFuture<Boolean> previousEnd = CompletableFuture.completedFuture(true);
    /** A publish whose key is awaited: cancelled when the connection ends first, which ends the wait. */
    private CompletableFuture<PublishDecision> pendingDecision;

    private long checkTimer = -1;
    private boolean finished;
    private boolean closed;
    /** The client closed its side, or the socket is closed: nothing to wait for. */
    private boolean socketGone;
    /** The connection waits for the client to close it (see {@code close-wait}); the socket is closed after. */
    private boolean lingering;
    private boolean socketClosed;
    private boolean lingerAllowed;
    /** Set when the instance shuts down: whatever ends the session now, the reason is the shutdown. */
    private volatile boolean draining;

    /** The registry entry of an accepted publish, from then on; volatile for the registry listener. */
    private volatile StreamKeyEntry accepted;
    /** Set once the session has started; volatile for the admin API's readers. */
    private volatile LiveSession session;
    // Set before the session is, so a reader that sees the session sees them too.
    private StreamStats stats;
    private LiveSessionLimits limits;
    private MessageRate messageRate;
    private TrackClock videoClock;
    private TrackClock audioClock;
    private SessionMediaRecords mediaRecords;
    private final PeerTakeover peerTakeover = new PeerTakeover();
    private long sequence;
    private long statsDueNanos;

    IngestConnection(ConnectionServices services, NetSocket socket, Context context, String protocol, ClientAddress client) {
        this.services = services;
        this.config = services.config();
        this.socket = socket;
        this.context = context;
        this.protocol = protocol;
        this.bytesIn = services.metrics().bytesIn(protocol);
        this.clientAddress = client.toString();
        this.clientIp = client.host();
        this.tlsVersion = socket.isSsl() && socket.sslSession() != null ? socket.sslSession().getProtocol() : null;
        this.rtmp = new RtmpServerSession(services.rtmpConfig(protocol), services.memoryBudget());
        this.input = new SocketInput(socket);
        this.flow = new SocketFlowControl(input, clientAddress, context, services.budget(), services.metrics(),
                config.kafka().maxInFlightBytesPerSession(), now -> limits.mediaArrived(now));
        this.replies = new ReplyWriter(socket, flow, services.memoryBudget(), config.limits().maxPendingReplyBytes());
    }

    /**
     * Takes over a socket that passed the connection limits, from {@code client} (its peer, or the client a
     * PROXY header named); {@code alreadyRead} is what was read off it before (after a PROXY header), and
     * comes first. Called on the socket's event loop.
     */
    public static IngestConnection open(ConnectionServices services, NetSocket socket, Context context, String protocol,
            ClientAddress client, Buffer alreadyRead) {
        IngestConnection connection = new IngestConnection(services, socket, context, protocol, client);
        connection.start();
        if (alreadyRead.length() > 0) {
            connection.onRead(alreadyRead.getByteBuf());
        }
        if (!connection.flow.paused()) {
            connection.input.resume();
        }
        return connection;
    }

    private void start() {
        input.start(this::onRead);
        // Reads Vert.x queued before the connection was opened (none when it is opened right after the accept,
        // the TLS handshake or the PROXY header, as it is) would come through the socket's own handler.
        socket.handler(data -> onRead(data.getByteBuf()));
        // The end comes after every byte read before it, also those queued while the socket was paused;
        // the close handler would come at once and cut them off.
        socket.endHandler(v -> onSocketClosed());
        socket.closeHandler(v -> {
            if (lingering) {
                closeSocket();
            } else if (flow.paused()) {
                flow.socketClosed();
            } else {
                onSocketClosed();
            }
        });
        socket.exceptionHandler(e -> LOG.debugf("connection %s: %s", clientAddress, e.getMessage()));
        checkTimer = context.owner().setPeriodic(CHECK_INTERVAL_MS, id -> check());
    }

    // ---- input -------------------------------------------------------------------------------------

    /** What one read brought; the buffer is Netty's, and only lent for this call. */
    private void onRead(ByteBuf data) {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        int length = data.readableBytes();
        lastReadNanos = now;
        bytesIn.add(length);
        if (stats != null) {
            stats.onBytes(now, length);
        }
        if (data.nioBufferCount() == 1) {
            rtmp.feed(data.internalNioBuffer(data.readerIndex(), length));
        } else {
            for (ByteBuffer part : data.nioBuffers()) {
                rtmp.feed(part);
            }
        }
        handleEvents(now);
        flushOutput();
    }

    /** Answering an event (accepting a publish, say) can raise more events; drain until there are none. */
    private void handleEvents(long readNanos) {
        List<ServerEvent> events;
        while (!finished && !(events = rtmp.drainEvents()).isEmpty()) {
            for (ServerEvent event : events) {
                if (finished) {
                    return;
                }
                handle(event, readNanos);
            }
        }
    }

    private void handle(ServerEvent event, long readNanos) {
        switch (event) {
            case ServerEvent.Connected c -> LOG.debugf("connection %s: connected to '%s' (%s)", clientAddress,
                    WireText.clean(c.request().app(), WireText.MAX_ENCODER_LENGTH),
                    WireText.clean(c.request().flashVer(), WireText.MAX_ENCODER_LENGTH));
            case ServerEvent.PublishRequested p -> onPublishRequested(p.request());
            case ServerEvent.MetadataReceived m -> {
                stats.onMetadata(m.metadata());
                forward(EventType.MEDIA_METADATA, m.timestamp(), m.rawPayload(), readNanos);
            }
            case ServerEvent.VideoReceived v -> {
                if (!videoClock.accept(v.timestamp())) {
                    onTimestampRegression("video", videoClock);
                    return;
                }
                stats.onVideo(v.timestamp(), v.payload());
                forward(EventType.MEDIA_VIDEO, v.timestamp(), v.payload(), readNanos);
            }
            case ServerEvent.AudioReceived a -> {
                if (!audioClock.accept(a.timestamp())) {
                    onTimestampRegression("audio", audioClock);
                    return;
                }
                stats.onAudio(a.payload());
                forward(EventType.MEDIA_AUDIO, a.timestamp(), a.payload(), readNanos);
            }
            case ServerEvent.DataReceived d -> forward(EventType.MEDIA_DATA, d.timestamp(), d.rawPayload(), readNanos);
            case ServerEvent.PublishStopped s -> finish(EndReason.CLIENT_CLOSED, "the encoder stopped publishing ("
                    + s.command() + ")");
            case ServerEvent.Closed c -> onClosed(c.reason());
            case ServerEvent.Failed f -> onFailed(f.failure());
            case ServerEvent.AcknowledgementReceived a -> {
                // Flow control of what we send is nothing to speak of: replies only.
            }
            case ServerEvent.PingResponseReceived p -> {
                // Pings are not sent by the ingest; an unsolicited response is harmless.
            }
        }
    }

    /**
     * Answers at once when the key is known; a key still on its way to this instance is waited for, and
     * media-core holds what the encoder sends meanwhile, within its buffer limit, as during a takeover.
     */
    private void onPublishRequested(PublishRequest request) {
        CompletableFuture<PublishDecision> decision = services.authorizer().decide(request, clientIp);
        if (decision.isDone()) {
            answer(decision.join());
            return;
        }
        pendingDecision = decision;
        decision.thenAccept(answer -> context.runOnContext(v -> {
            pendingDecision = null;
            if (finished) {
                return;
            }
            answer(answer);
            handleEvents(System.nanoTime());
            flushOutput();
        }));
    }

    private void answer(PublishDecision decision) {
        switch (decision) {
            case PublishDecision.Refuse refuse -> refuse(refuse);
            case PublishDecision.Accept accept -> takeOver(accept.entry());
        }
    }

    private void refuse(PublishDecision.Refuse refuse) {
        services.metrics().refused(refuse.metricReason());
        LOG.infof("connection %s: publish refused (%s): %s", clientAddress, refuse.metricReason(), refuse.description());
        rtmp.refusePublish(refuse.refusal(), refuse.description());
    }

    /**
     * Becomes the stream's publisher on this instance. A previous publisher here is ended first, and this
     * session starts only once that one's last media and {@code session.ended} are handed to Kafka, so a
     * consumer sees one session after the other on both topics. Meanwhile media-core holds what the encoder
     * sends, within its buffer limit.
     */
    private void takeOver(StreamKeyEntry entry) {
        accepted = entry;
        Registration registration = services.liveSessions().register(entry.streamId(), this);
        if (registration instanceof Registration.Refused refused) {
            refuse(new PublishDecision.Refuse(PublishRefusal.DENIED, refused.description(), "takeover_cooldown"));
            return;
        }
        CompletableFuture<Void> previousEnded = ((Registration.Registered) registration).previousEnded();
        Optional<EndReason> revoked = services.liveSessions().revokedSince(entry);
        if (revoked.isPresent()) {
            services.liveSessions().unregister(entry.streamId(), this);
            refuse(new PublishDecision.Refuse(PublishRefusal.DENIED, LiveSessions.describe(revoked.get()),
                    revoked.get().wireName()));
            return;
        }
        services.liveSessions().newerThan(entry).ifPresent(newer -> accepted = newer);
        if (previousEnded.isDone()) {
            goLive();
            return;
        }
        previousEnd = previousEnded.thenApply(v -> true)
                .completeOnTimeout(false, TAKEOVER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        previousEnd.thenAccept(inTime -> context.runOnContext(v -> {
            if (!inTime) {
                LOG.warnf("stream %s: the previous publisher did not end within %d ms; starting anyway", entry.streamId(),
                        TAKEOVER_WAIT.toMillis());
            }
            goLive();
            handleEvents(System.nanoTime());
            flushOutput();
        }));
    }

    private void goLive() {
        if (finished || !rtmp.acceptPublish()) {
            return;
        }
        long now = System.nanoTime();
        Instant startedAt = Instant.now();
        stats = new StreamStats(now);
        limits = new LiveSessionLimits(config.limits(), accepted, startedAt, now);
        messageRate = new MessageRate(config.limits().maxMessagesPerSecond(), config.limits().maxMessageBurst(), now);
        videoClock = new TrackClock(config.limits().maxTimestampRegression().toMillis());
        audioClock = new TrackClock(config.limits().maxTimestampRegression().toMillis());
        statsDueNanos = now + config.stats().interval().toNanos();
        LiveSession live = new LiveSession(accepted, newSessionId(), startedAt);
        mediaRecords = services.sender().mediaRecords(live.streamId(), live.sessionId());
        session = live;
        services.metrics().sessionStarted();
        String encoder = WireText.clean(rtmp.connectRequest().map(ConnectRequest::flashVer).orElse(null),
                WireText.MAX_ENCODER_LENGTH);
        LOG.infof("stream %s: session %s started from %s over %s%s (%s)", live.streamId(), live.sessionId(), clientAddress,
                protocol, tlsVersion == null ? "" : " " + tlsVersion, encoder);
        services.sender().started(new SessionStarted(live.streamId(), live.tenant(), live.sessionId(), services.instanceId(),
                clientAddress, protocol, tlsVersion, encoder, startedAt), flowCallback(0, now), this::startWritten);
    }

    private void forward(EventType type, long timestamp, byte[] payload, long readNanos) {
        LiveSession live = session;
        if (live == null) {
            return;
        }
        limits.mediaArrived(readNanos);
        long overRate = messageRate.take(readNanos);
        if (overRate > 0) {
            flow.pauseForRate(overRate);
        }
        services.metrics().messageIn(type);
        sequence++;
        // Counted by what the record costs, headers and key included, not by its payload: a flood of empty
        // messages fills the in-flight budgets too. The acknowledgement settles on Kafka's thread and may, in
        // principle, come before this count: the counters then dip for that moment and add up again here.
        long cost = services.sender().media(mediaRecords, type, sequence, timestamp, payload,
                bytes -> flowCallback(bytes, readNanos));
        flow.sending(cost);
    }

    // ---- Kafka's answers ---------------------------------------------------------------------------

    private Callback flowCallback(long bytes, long readNanos) {
        return (metadata, error) -> {
            // Timed here, on the producer's thread, so the figure is Kafka's and not the event loop's queue.
            if (error == null) {
                services.metrics().ackLatency(System.nanoTime() - readNanos);
            }
            flow.settled(bytes);
            if (error != null && mediaFailed.compareAndSet(false, true)) {
                context.runOnContext(v -> mediaNotAcknowledged(error));
            }
        };
    }

    /** Kafka gave up on a media record: the session cannot go on without a hole in its log. */
    private void mediaNotAcknowledged(Exception error) {
        services.metrics().produceFailed(Topics.MEDIA);
        finish(EndReason.BACKEND_UNAVAILABLE, "Kafka did not acknowledge within "
                + config.kafka().unavailableGrace().toSeconds() + " s: " + error.getMessage());
    }

    /** Where our session.started landed on the sessions topic: what orders us against other instances. */
    private void startWritten(RecordMetadata metadata, Exception error) {
        context.runOnContext(v -> {
            if (!finished) {
                (error == null ? peerTakeover.ownStartWritten(metadata.partition(), metadata.offset()) : peerTakeover.ownStartNotWritten())
                        .ifPresent(this::endByPeer);
            }
        });
    }

    /** Another instance wrote a {@code session.started} of this stream at {@code offset} of a sessions topic partition. */
    public void peerSessionStarted(int partition, long offset, String instance) {
        context.runOnContext(v -> {
            // Before our session starts, our own start is still to be written, so it will be the newer.
            if (session != null && !finished) {
                peerTakeover.peerStarted(partition, offset, instance).ifPresent(this::endByPeer);
            }
        });
    }

    private void endByPeer(String instance) {
        services.liveSessions().takenOverElsewhere(accepted.streamId());
        finish(EndReason.TAKEOVER, "another encoder started publishing this stream on " + instance);
    }

    // ---- timers ------------------------------------------------------------------------------------

    /** Once a second: the time limits, the bitrate limit and the stats. */
    private void check() {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        LiveSession live = session;
        if (live == null) {
            checkBeforePublish(now);
            return;
        }
        Optional<SessionEnd> end = limits.check(now, Instant.now(), flow.holdingBack(), stats.currentKbps(now));
        if (end.isPresent()) {
            finish(end.get().reason(), end.get().description());
            return;
        }
        if (now >= statsDueNanos) {
            statsDueNanos = now + config.stats().interval().toNanos();
            services.sender().stats(stats.snapshot(live.streamId(), live.tenant(), live.sessionId(), now, Instant.now()));
        }
    }

    private void checkBeforePublish(long now) {
        if (rtmp.state() == ServerState.HANDSHAKE && now - openedNanos > config.limits().handshakeTimeout().toNanos()) {
            refuseAndClose("handshake_timeout", "no complete RTMP handshake within "
                    + config.limits().handshakeTimeout().toSeconds() + " s");
        } else if (now - openedNanos > config.limits().publishTimeout().toNanos()) {
            refuseAndClose("publish_timeout", "no publish within " + config.limits().publishTimeout().toSeconds() + " s");
        }
    }

    // ---- the end -----------------------------------------------------------------------------------

    private void onClosed(CloseReason reason) {
        switch (reason.kind()) {
            // The refusal was counted and logged when it was decided.
            case PUBLISH_REFUSED -> close();
            case CONNECT_REJECTED, PLAY_REFUSED -> {
                String metricReason = reason.kind() == CloseReason.Kind.CONNECT_REJECTED ? "connect_rejected" : "play_refused";
                services.metrics().refused(metricReason);
                LOG.infof("connection %s: %s: %s", clientAddress, metricReason,
                        WireText.clean(reason.description(), WireText.MAX_DETAIL_LENGTH));
                close();
            }
            case PEER_CLOSED, UNPUBLISHED, ENDED_BY_SERVICE -> finish(EndReason.CLIENT_CLOSED, reason.description());
        }
    }

    private void onTimestampRegression(String track, TrackClock clock) {
        services.metrics().refused("timestamp_regression");
        String description = track + " timestamp went back by " + clock.lastRegressionMillis() + " ms";
        LOG.warnf("connection %s (stream %s): closed on a protocol error: %s", clientAddress, session.streamId(), description);
        finish(EndReason.PROTOCOL_ERROR, description);
    }

    private void onFailed(SessionFailure failure) {
        String metricReason = failure.isLimit() ? failure.limitName() : "protocol_error";
        services.metrics().refused(metricReason);
        LiveSession live = session;
        LOG.warnf("connection %s%s: closed on a protocol error: %s", clientAddress,
                live == null ? "" : " (stream " + live.streamId() + ")", WireText.clean(failure.reason(), WireText.MAX_DETAIL_LENGTH));
        finish(EndReason.PROTOCOL_ERROR, failure.reason());
    }

    private void onSocketClosed() {
        socketGone = true;
        if (lingering) {
            closeSocket();
        } else if (!finished) {
            rtmp.inputClosed();
            finish(EndReason.CLIENT_CLOSED, "the encoder closed the connection");
        }
    }

    private void refuseAndClose(String metricReason, String description) {
        services.metrics().refused(metricReason);
        LOG.infof("connection %s: closed: %s", clientAddress, description);
        finish(EndReason.PROTOCOL_ERROR, description);
    }

    /** Ends the session from any thread: a revoked key, a takeover, an operator, a shutdown. */
    public void endFromAnyThread(EndReason reason, String description) {
        context.runOnContext(v -> finish(reason, description));
    }

    /**
     * The stream's registry entry changed without revoking the key (a PATCH of its bitrate or duration
     * limit, say): the session is checked against the new limits from its next check on, within a second.
     */
    void entryChanged(StreamKeyEntry entry) {
        context.runOnContext(v -> {
            StreamKeyEntry current = accepted;
            if (finished || current == null || entry.version() <= current.version()) {
                return;
            }
            accepted = entry;
            if (limits != null) {
                limits.entryChanged(entry);
            }
        });
    }

    /** From now on, whatever ends this session, the instance's shutdown is the reason. */
    public void markDraining() {
        draining = true;
    }

    /**
     * Asks an encoder that announced Enhanced RTMP reconnect support to reconnect (to this address, which
     * the load balancer then sends elsewhere). Returns whether it could be asked.
     */
    public boolean requestReconnect(String description) {
        markDraining();
        boolean capable = rtmp.connectRequest().map(c -> c.capabilities().has(EnhancedCapabilities.CAPS_EX_RECONNECT))
                .orElse(false);
        if (capable) {
            context.runOnContext(v -> {
                if (rtmp.requestReconnect(null, description)) {
                    flushOutput();
                }
            });
        }
        return capable;
    }

    /**
     * Ends the connection, and its session if one started. The detail may quote what the encoder sent
     * (a protocol error), so it is cleaned before it goes into the event.
     */
    private void finish(EndReason cause, String description) {
        if (finished) {
            return;
        }
        finished = true;
        // An encoder whose publish was accepted is let close itself; a client that broke the protocol or a
        // limit, or was refused, gets no more of our time.
        lingerAllowed = accepted != null && cause != EndReason.PROTOCOL_ERROR;
        EndReason reason = draining ? EndReason.SHUTDOWN : cause;
        String detail = WireText.clean(description, WireText.MAX_DETAIL_LENGTH);
        context.owner().cancelTimer(checkTimer);
        flow.stop();
        EncoderStatus.errorFor(reason).ifPresentOrElse(refusal -> rtmp.end(refusal, detail), () -> rtmp.end(detail));
        flushOutput();
        StreamKeyEntry entry = accepted;
        if (entry != null) {
            services.liveSessions().unregister(entry.streamId(), this);
        }
        LiveSession live = session;
        if (live != null) {
            services.metrics().sessionEnded(reason.wireName());
            LOG.infof("stream %s: session %s ended (%s): %s; %d bytes, %d video and %d audio frames", live.streamId(),
                    live.sessionId(), reason.wireName(), detail, stats.bytesIn(), stats.videoFrames(), stats.audioFrames());
            services.sender().ended(new SessionEnded(live.streamId(), live.tenant(), live.sessionId(), reason, detail,
                    clientAddress, live.startedAt(), Instant.now(), stats.bytesIn(), stats.videoFrames(), stats.audioFrames(),
                    stats.videoCodec(), stats.audioCodec()));
        }
        close();
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        finished = true;
        context.owner().cancelTimer(checkTimer);
        if (pendingDecision != null) {
            pendingDecision.cancel(false);
        }
        flow.stop();
        flushOutput();
        previousEnd.whenComplete((inTime, error) -> endHandedOver.complete(null));
        if (socketGone || !lingerAllowed) {
            closeSocket();
        } else {
            lingerUntilTheClientCloses();
        }
    }

    /**
     * Leaves the connection to the client to close, for at most {@code close-wait}, as nginx-rtmp does: an
     * encoder that unpublished closes it itself and exits cleanly, and one told to stop reads the status
     * before its next write could fail on a closed socket. What it still sends is read and dropped, so it
     * never blocks on a full socket meanwhile.
     */
    private void lingerUntilTheClientCloses() {
        lingering = true;
        // The session is over: whatever still comes is not media of it.
        input.discard();
        input.resume();
        long waitMs = Math.max(1, config.limits().closeWait().toMillis());
        context.owner().setTimer(waitMs, id -> closeSocket());
    }

    private void closeSocket() {
        if (socketClosed) {
            return;
        }
        socketClosed = true;
        input.discard();
        socket.end().onComplete(v -> socket.close());
        services.connectionClosed(this);
    }

    private void flushOutput() {
        while (rtmp.hasOutput()) {
            Optional<ReplyWriter.Refusal> refused = replies.write(rtmp.drainOutput());
            if (refused.isPresent()) {
                onReplyRefused(refused.get());
                return;
            }
        }
    }

    /** A client that does not read what we answer is closed; so is one whose answer the memory budget cannot hold. */
    private void onReplyRefused(ReplyWriter.Refusal refusal) {
        if (finished) {
            return;
        }
        String metricReason = refusal == ReplyWriter.Refusal.BACKLOG ? "reply_backlog" : "memory_budget";
        String description = refusal == ReplyWriter.Refusal.BACKLOG
                ? "the client did not read our replies (" + replies.pendingBytes() + " bytes waiting)"
                : "the instance's memory budget has no room for our replies";
        services.metrics().refused(metricReason);
        LiveSession live = session;
        LOG.warnf("connection %s%s: closed: %s", clientAddress, live == null ? "" : " (stream " + live.streamId() + ")",
                description);
        finish(EndReason.PROTOCOL_ERROR, description);
    }

    private static String newSessionId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "ss_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    // ---- read by the registry listener, the admin API and the shutdown -----------------------------

    /** Done once this connection's last events are handed to Kafka (or it never had a session). */
    CompletableFuture<Void> endHandedOver() {
        return endHandedOver;
    }

    /** The session id once the session has started, else null. */
    public String sessionId() {
        LiveSession live = session;
        return live == null ? null : live.sessionId();
    }

    /** How long the client has sent nothing, as of {@code nowNanos}. */
    long silentNanos(long nowNanos) {
        return nowNanos - lastReadNanos;
    }

    /** The key hash of the accepted publish. */
    String keyHash() {
        return accepted.keyHash();
    }

    String protocol() {
        return protocol;
    }

    String clientIp() {
        return clientIp;
    }

    /** The session as the admin API shows it; empty until it has started. */
    public Optional<SessionView> view() {
        LiveSession live = session;
        if (live == null) {
            return Optional.empty();
        }
        StreamStats s = stats;
        return Optional.of(new SessionView(live.sessionId(), live.streamId(), live.tenant(), clientAddress, protocol, tlsVersion,
                live.startedAt(), s.bytesIn(), s.lastBitrateKbps(), s.videoFrames(), s.audioFrames(), s.videoCodec(),
                s.audioCodec(), s.width(), s.height(), s.lastFrameRate(), s.lastKeyframeIntervalMillis(), s.sampleRate(),
                s.channels()));
    }
}
