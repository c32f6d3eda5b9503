package io.sluice.ingest.shutdown;

import io.quarkus.runtime.ShutdownEvent;
import io.sluice.events.data.EndReason;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.kafka.EventPublisher;
import io.sluice.ingest.listener.RtmpListeners;
import io.sluice.ingest.session.IngestConnection;
import io.sluice.ingest.session.LiveSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * SIGTERM without losing a session's end: stop accepting, ask encoders that announced Enhanced RTMP
 * reconnect support to reconnect (a load balancer sends them to another instance), give them a bounded
 * time, end the rest cleanly, and flush Kafka, so every session has its {@code session.ended} with reason
 * {@code shutdown}.
 */
@ApplicationScoped
public class GracefulDrain {

    private static final Logger LOG = Logger.getLogger(GracefulDrain.class);
    private static final Duration END_WAIT = Duration.ofSeconds(5);

    private final RtmpListeners listeners;
    private final LiveSessions liveSessions;
    private final EventPublisher publisher;
    private final Duration reconnectGrace;

    GracefulDrain(RtmpListeners listeners, LiveSessions liveSessions, EventPublisher publisher, IngestConfig config) {
        this.listeners = listeners;
        this.liveSessions = liveSessions;
        this.publisher = publisher;
        this.reconnectGrace = config.shutdown().reconnectGrace();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        listeners.stopAccepting();
        liveSessions.all().forEach(IngestConnection::markDraining);
        int live = liveSessions.all().size();
        if (live == 0) {
            listeners.close();
            return;
        }
        long asked = liveSessions.all().stream()
                .filter(c -> c.requestReconnect("This ingest server is shutting down; reconnect to continue."))
                .count();
        LOG.infof("shutting down with %d live sessions; asked %d encoders to reconnect elsewhere", live, asked);
        if (asked > 0) {
            awaitNoSessions(reconnectGrace);
        }
        for (IngestConnection connection : liveSessions.all()) {
            connection.endFromAnyThread(EndReason.SHUTDOWN, "the ingest server is shutting down");
        }
        awaitNoSessions(END_WAIT);
        publisher.flush();
        listeners.close();
        LOG.infof("drained: %d sessions left", liveSessions.all().size());
    }

    private void awaitNoSessions(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!liveSessions.all().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
