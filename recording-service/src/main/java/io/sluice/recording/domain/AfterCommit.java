package io.sluice.recording.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs work once the current transaction has committed: deleting objects that no committed row names any more. */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry registry;

    AfterCommit(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    public void run(Runnable action) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing before: the action depends on the commit.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
