package io.sluice.recording.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * What a round of stored media changes in the database, applied in one transaction once every object it
 * names is durable; then what may only happen after that commit (deleting objects no row names any more,
 * telling the consumer what is now durable, waking held requests).
 */
public final class StoreBatch {

    private final List<Runnable> changes = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    /** A database change, run inside the batch's transaction in the order added. */
    public void change(Runnable change) {
        changes.add(change);
    }

    /** Runs once the transaction has committed. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    public boolean isEmpty() {
        return changes.isEmpty() && afterCommit.isEmpty();
    }

    /** Applies the changes in one transaction, then the after-commit actions; the batch is empty again. */
    public void commit() {
        if (!changes.isEmpty()) {
            List<Runnable> applying = List.copyOf(changes);
            QuarkusTransaction.requiringNew().run(() -> applying.forEach(Runnable::run));
        }
        List<Runnable> then = List.copyOf(afterCommit);
        clear();
        then.forEach(Runnable::run);
    }

    /** Forgets everything: the round failed and will be read again. */
    public void clear() {
        changes.clear();
        afterCommit.clear();
    }
}
