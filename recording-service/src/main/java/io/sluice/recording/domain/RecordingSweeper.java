package io.sluice.recording.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.storage.RecordingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Finishes recordings whose stream's reconnect window has passed, and deletes those past their retention. Any
 * instance may run it: each takes the rows it works on with {@code for update skip locked}, so instances share
 * the work and never do it twice.
 */
@ApplicationScoped
public class RecordingSweeper {

    private static final Logger LOG = Logger.getLogger(RecordingSweeper.class);
    private static final int BATCH = 50;

    private final RecordingRepository recordings;
    private final RecordingFinisher finisher;
    private final RecordingConfig config;

    RecordingSweeper(RecordingRepository recordings, RecordingFinisher finisher, RecordingConfig config) {
        this.recordings = recordings;
        this.finisher = finisher;
        this.config = config;
    }

    @Scheduled(every = "${sluice.recording.lifecycle.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            sweepOnce(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Sweeping recordings failed; trying again in %s: %s", config.lifecycle().sweepInterval(), e.toString());
        }
    }

    /** One round: what is due at {@code now} is finished or deleted. */
    public void sweepOnce(Instant now) {
        int finished;
        do {
            finished = QuarkusTransaction.requiringNew().call(() -> {
                var due = recordings.dueToFinish(now, config.lifecycle().reconnectGrace().toMillis(), BATCH);
                due.forEach(finisher::finish);
                return due.size();
            });
        } while (finished == BATCH);
        int expired;
        do {
            expired = QuarkusTransaction.requiringNew().call(() -> {
                var due = recordings.expired(now, BATCH);
                due.forEach(finisher::delete);
                return due.size();
            });
        } while (expired == BATCH);
    }
}
