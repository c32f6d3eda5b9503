package io.sluice.simulcast.forward;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.events.data.SimulcastTargetStatus;
import io.sluice.simulcast.config.SimulcastConfig;
import io.sluice.simulcast.crypto.KeyCipher;
import io.sluice.simulcast.domain.AddressPolicy;
import io.sluice.simulcast.domain.StreamDirectory;
import io.sluice.simulcast.domain.Target;
import io.sluice.simulcast.domain.TargetStatus;
import io.sluice.simulcast.domain.TargetUrl;
import io.sluice.simulcast.kafka.StatusEvents;
import io.sluice.simulcast.storage.LiveSessionRepository;
import io.sluice.simulcast.storage.LiveSessionRepository.Header;
import io.sluice.simulcast.storage.LiveSessionRepository.StoredSession;
import io.sluice.simulcast.storage.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The live streams this instance forwards and their targets' links. The media consumer tells it of sessions and
 * media; a refresh every {@code sluice.simulcast.forwarding.refresh-interval} compares each live stream's links with
 * its targets in the database, so that a target added, enabled, changed, disabled or deleted on any instance takes
 * effect within that interval, and stores each link's counters. Each live session is stored with its headers
 * ({@link LiveSessionRepository}), so that the instance owning its partition after a restart or a rebalance resumes
 * it at its next keyframe. A session that ends while its stream has a reconnect window leaves its broadcasting targets
 * published, without media, until the window passes; the stream's next session within it continues on the same
 * publishes ({@link LiveStream#continueWith}).
 */
@ApplicationScoped
public class SimulcastEngine {

    private static final Logger LOG = Logger.getLogger(SimulcastEngine.class);
    private static final long DROP_LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final SimulcastConfig config;
    private final TargetRepository targets;
    private final LiveSessionRepository sessions;
    private final KeyCipher cipher;
    private final AddressPolicy policy;
    private final StatusEvents events;
    private final StreamDirectory directory;
    private final MeterRegistry meters;
    private final Map<String, LiveStream> live = new ConcurrentHashMap<>();
    private final Map<String, Long> droppedLogged = new ConcurrentHashMap<>();
    /** Targets whose key no configured encryption key opens, told once each. */
    private final Set<String> undecryptable = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    SimulcastEngine(SimulcastConfig config, TargetRepository targets, LiveSessionRepository sessions, KeyCipher cipher,
            AddressPolicy policy, StatusEvents events, StreamDirectory directory, MeterRegistry meters) {
        this.config = config;
        this.targets = targets;
        this.sessions = sessions;
        this.cipher = cipher;
        this.policy = policy;
        this.events = events;
        this.directory = directory;
        this.meters = meters;
        Gauge.builder("sluice.simulcast.streams.live", live, Map::size)
                .description("Live streams this instance forwards").register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        Thread.ofPlatform().name("simulcast-refresh").daemon().start(this::refreshLoop);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        for (String streamId : List.copyOf(live.keySet())) {
            LiveStream stream = live.remove(streamId);
            if (stream != null) {
                stopAll(stream, true);
            }
        }
    }

    /** A session of the stream, whose events are in partition {@code partition}, started: its enabled targets start. */
    public void sessionStarted(String streamId, String tenant, String sessionId, int partition) {
        try {
            sessions.started(streamId, sessionId, tenant, partition);
        } catch (RuntimeException e) {
            LOG.warnf("Storing the live session of stream %s failed; a restart will not resume it: %s", streamId,
                    e.toString());
        }
        begin(streamId, tenant, sessionId, List.of(), true);
    }

    /**
     * Sessions that went live before this instance owned their partitions (a restart, a rebalance): each is forwarded
     * again from its stored headers, its targets from the next keyframe. Sessions already forwarded stay as they are.
     */
    public void resume(List<StoredSession> stored) {
        for (StoredSession session : stored) {
            LiveStream current = live.get(session.streamId());
            if (current != null && current.sessionId().equals(session.sessionId())) {
                continue;
            }
            List<Tag> headers = new ArrayList<>(3);
            if (session.metadata() != null) {
                headers.add(new Tag(Tag.Kind.METADATA, 0, session.metadata()));
            }
            if (session.videoHeader() != null) {
                headers.add(new Tag(Tag.Kind.VIDEO, 0, session.videoHeader()));
            }
            if (session.audioHeader() != null) {
                headers.add(new Tag(Tag.Kind.AUDIO, 0, session.audioHeader()));
            }
            begin(session.streamId(), session.tenant(), session.sessionId(), headers, false);
        }
    }

    private void begin(String streamId, String tenant, String sessionId, List<Tag> headers, boolean atSessionStart) {
        if (atSessionStart && continueHeld(streamId, tenant, sessionId)) {
            return;
        }
        LiveStream previous = live.remove(streamId);
        if (previous != null) {
            stopAll(previous, true);
        }
        LiveStream stream = new LiveStream(streamId, tenant, sessionId, config.forwarding().gopCacheBytes());
        headers.forEach(stream::add);
        live.put(streamId, stream);
        try {
            refresh(stream, atSessionStart);
        } catch (RuntimeException e) {
            // The refresh loop tries again; the media consumer must not stop for the database.
            LOG.warnf("Starting the targets of stream %s failed: %s", streamId, e.toString());
        }
        LOG.infof("Stream %s is live (session %s%s): %d simulcast targets", streamId, sessionId,
                atSessionStart ? "" : ", resumed", stream.links.size());
    }

    /** Whether the stream's held broadcast took the new session on: its targets go on publishing. */
    private boolean continueHeld(String streamId, String tenant, String sessionId) {
        LiveStream held = live.get(streamId);
        if (held == null || !held.tenant.equals(tenant)) {
            return false;
        }
        synchronized (held.links) {
            if (live.get(streamId) != held || !held.held()) {
                return false;
            }
            held.continueWith(sessionId);
        }
        try {
            refresh(held, true);
        } catch (RuntimeException e) {
            LOG.warnf("Starting the targets of stream %s failed: %s", streamId, e.toString());
        }
        LOG.infof("Stream %s is live again within its reconnect window (session %s): %d simulcast targets go on",
                streamId, sessionId, held.links.size());
        return true;
    }

    /** A media tag of a live session; tags of sessions this instance does not forward are ignored. */
    public void media(String streamId, String sessionId, Tag tag) {
        LiveStream stream = live.get(streamId);
        if (stream != null && stream.sessionId().equals(sessionId) && stream.add(tag)) {
            Header header = switch (tag.kind()) {
                case METADATA -> Header.METADATA;
                case VIDEO -> Header.VIDEO;
                case AUDIO -> Header.AUDIO;
            };
            try {
                sessions.header(streamId, sessionId, header, tag.body());
            } catch (RuntimeException e) {
                LOG.warnf("Storing a header of stream %s failed; a restart may resume it without it: %s", streamId,
                        e.toString());
            }
        }
    }

    /**
     * The session ended: with a reconnect window, the targets that broadcast keep their publishes open (after what
     * they still had to send) until it passes, and the others go idle; without one, every target is unpublished
     * cleanly and goes idle.
     */
    public void sessionEnded(String streamId, String sessionId) {
        try {
            sessions.ended(streamId, sessionId);
        } catch (RuntimeException e) {
            LOG.warnf("Forgetting the live session of stream %s failed: %s", streamId, e.toString());
        }
        LiveStream stream = live.get(streamId);
        if (stream == null || !stream.sessionId().equals(sessionId) || stream.held()) {
            return;
        }
        Duration window = directory.find(streamId).map(StreamDirectory.KnownStream::reconnectWindow)
                .orElse(Duration.ZERO);
        if (!window.isZero() && hold(stream, window)) {
            return;
        }
        end(stream);
    }

    /** Holds the broadcast for the window if a target broadcasts; the others stop. False when none broadcasts. */
    private boolean hold(LiveStream stream, Duration window) {
        List<TargetLink> stopped = new ArrayList<>();
        synchronized (stream.links) {
            if (live.get(stream.streamId) != stream
                    || stream.links.values().stream().noneMatch(l -> l.status() == TargetStatus.BROADCASTING)) {
                return false;
            }
            stream.hold(System.nanoTime() + window.toNanos());
            for (TargetLink link : List.copyOf(stream.links.values())) {
                if (link.status() != TargetStatus.BROADCASTING) {
                    stream.links.remove(link.target().id());
                    stopped.add(link);
                }
            }
        }
        stopIdle(stream, stopped);
        LOG.infof("Stream %s ended; its %d broadcasting simulcast targets stay published for its reconnect window (%s)",
                stream.streamId, stream.links.size(), window);
        return true;
    }

    /** The broadcast is over: every target is unpublished cleanly and goes idle. */
    private void end(LiveStream stream) {
        if (live.remove(stream.streamId, stream)) {
            stopAll(stream, true);
        }
    }

    /** This instance no longer owns these streams' partitions; another instance takes them over. */
    public void release(Set<String> streamIds) {
        for (String streamId : streamIds) {
            LiveStream stream = live.remove(streamId);
            if (stream != null) {
                // A broadcast between sessions is not resumed elsewhere (its session is over): it ends here.
                stopAll(stream, stream.held());
            }
        }
    }

    private void refreshLoop() {
        long interval = config.forwarding().refreshInterval().toMillis();
        while (running) {
            for (LiveStream stream : live.values()) {
                if (stream.idleFor(config.media().idleTimeout().toNanos())) {
                    LOG.infof("Stream %s sent no media for %s; its session ends for its targets", stream.streamId,
                            config.media().idleTimeout());
                    sessionEnded(stream.streamId, stream.sessionId());
                    continue;
                }
                if (endIfWindowPassed(stream)) {
                    continue;
                }
                try {
                    refresh(stream, false);
                } catch (RuntimeException e) {
                    LOG.warnf("Refreshing the targets of stream %s failed: %s", stream.streamId, e.toString());
                }
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Ends a held broadcast whose reconnect window passed, or whose targets all dropped it meanwhile. */
    private boolean endIfWindowPassed(LiveStream stream) {
        synchronized (stream.links) {
            boolean over = stream.heldPast(System.nanoTime())
                    || stream.held() && stream.links.values().stream().allMatch(TargetLink::ended);
            // Taken out of the live streams under the lock, so that a session starting now begins anew instead.
            if (!over || !live.remove(stream.streamId, stream)) {
                return over;
            }
        }
        LOG.infof("Stream %s did not come back within its reconnect window; its simulcast targets stop",
                stream.streamId);
        stopAll(stream, true);
        return true;
    }

    /**
     * Brings the stream's links in line with its enabled targets, and stores their counters. A held broadcast only
     * loses links (targets disabled, changed or deleted, or dropped by their server): targets start when media flows.
     */
    private void refresh(LiveStream stream, boolean atSessionStart) {
        synchronized (stream.links) {
            if (live.get(stream.streamId) != stream) {
                return;
            }
            Map<String, Target> wanted = targets.ofStream(stream.streamId).stream().filter(Target::enabled)
                    .collect(Collectors.toMap(Target::id, t -> t));
            for (TargetLink link : List.copyOf(stream.links.values())) {
                if (link.ended()) {
                    // It told its own idle status when its target dropped it.
                    stream.links.remove(link.target().id());
                    continue;
                }
                Target now = wanted.get(link.target().id());
                if (now == null || !now.updatedAt().equals(link.target().updatedAt())) {
                    stream.links.remove(link.target().id());
                    link.stop(false);
                    store(stream, link, TargetStatus.IDLE, null);
                    publish(stream, link.target(), TargetStatus.IDLE, null);
                }
            }
            for (Target target : stream.held() ? List.<Target>of() : wanted.values()) {
                if (!stream.links.containsKey(target.id())) {
                    String key;
                    try {
                        key = cipher.open(target.key());
                    } catch (IllegalStateException e) {
                        if (undecryptable.add(target.id())) {
                            LOG.warnf("Simulcast target %s of stream %s is skipped: %s", target.id(), stream.streamId,
                                    e.getMessage());
                            targets.updateState(target.id(), TargetStatus.ERRORED, "the target's stream key cannot be"
                                    + " decrypted: its encryption key " + target.key().keyId() + " is not configured",
                                    null, target.bytesOut(), target.reconnects());
                        }
                        continue;
                    }
                    TargetLink link = new TargetLink(target, key, stream, config, policy, this::changed);
                    stream.links.put(target.id(), link);
                    link.start(atSessionStart);
                }
            }
            for (TargetLink link : stream.links.values()) {
                store(stream, link, link.status(), link.lastError());
                logDrops(link);
            }
        }
    }

    private void stopAll(LiveStream stream, boolean idle) {
        synchronized (stream.links) {
            List<TargetLink> links = new ArrayList<>(stream.links.values());
            stream.links.clear();
            if (idle) {
                stopIdle(stream, links);
                return;
            }
            links.parallelStream().forEach(link -> link.stop(false));
            for (TargetLink link : links) {
                store(stream, link, link.status(), link.lastError());
            }
        }
    }

    /** Unpublishes the links cleanly; each goes idle (told once: a link that ended on its own told it already). */
    private void stopIdle(LiveStream stream, List<TargetLink> links) {
        links.parallelStream().forEach(link -> link.stop(true));
        for (TargetLink link : links) {
            store(stream, link, TargetStatus.IDLE, link.lastError());
            if (!link.ended()) {
                publish(stream, link.target(), TargetStatus.IDLE, null);
            }
        }
    }

    private void changed(TargetLink link, TargetStatus status, String reason) {
        LiveStream stream = live.get(link.target().streamId());
        String tenant = stream == null ? link.target().tenant() : stream.tenant;
        meters.counter("sluice.simulcast.target.status", "status", status.wireName()).increment();
        try {
            targets.updateState(link.target().id(), status, link.lastError(), link.connectedAt(), link.bytesOut(),
                    link.reconnects());
        } catch (RuntimeException e) {
            LOG.warnf("Storing the status of target %s failed: %s", link.target().id(), e.toString());
        }
        events.publish(new SimulcastTargetStatus(link.target().streamId(), tenant, link.target().id(), status.event(),
                link.target().passthrough(), host(link.target()), Instant.now(), reason));
    }

    private void store(LiveStream stream, TargetLink link, TargetStatus status, String lastError) {
        try {
            targets.updateState(link.target().id(), status, lastError, status == TargetStatus.BROADCASTING
                    ? link.connectedAt() : null, link.bytesOut(), link.reconnects());
        } catch (RuntimeException e) {
            LOG.warnf("Storing the counters of target %s of stream %s failed: %s", link.target().id(), stream.streamId,
                    e.toString());
        }
    }

    private void publish(LiveStream stream, Target target, TargetStatus status, String reason) {
        events.publish(new SimulcastTargetStatus(stream.streamId, stream.tenant, target.id(), status.event(),
                target.passthrough(), host(target), Instant.now(), reason));
    }

    private void logDrops(TargetLink link) {
        long dropped = link.queue().droppedGops();
        if (dropped == 0) {
            return;
        }
        long now = System.nanoTime();
        Long last = droppedLogged.get(link.target().id());
        if (last == null || now - last > DROP_LOG_INTERVAL_NANOS) {
            droppedLogged.put(link.target().id(), now);
            LOG.warnf("Simulcast target %s of stream %s is too slow: %d GOPs dropped so far", link.target().id(),
                    link.target().streamId(), dropped);
        }
    }

    private static String host(Target target) {
        try {
            return TargetUrl.parse(target.url()).host();
        } catch (RuntimeException e) {
            return target.host();
        }
    }
}
