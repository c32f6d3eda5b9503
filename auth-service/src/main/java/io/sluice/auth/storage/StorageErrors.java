package io.sluice.auth.storage;

import java.sql.SQLException;

/** Tells a failure that writing the same data again cannot cure from one that passes with time. */
public final class StorageErrors {

    /** SQLSTATE classes of errors about the data itself: data exception, integrity constraint violation. */
    private static final String DATA_EXCEPTION = "22";
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    private StorageErrors() {
    }

    /**
     * Whether {@code failure} is about the data written: an {@link UnstorableEventException}, or PostgreSQL
     * refusing a value (SQLSTATE class 22 or 23, wherever in the chain of causes). Anything else (the
     * database away, a lock timeout, missing privileges) may pass and is worth retrying.
     */
    public static boolean isDataError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnstorableEventException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith(DATA_EXCEPTION)
                    || sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
