package io.sluice.recording.storage;

import java.sql.SQLException;

/** A statement failed; {@link #isDataError} tells a refused value from a database that is away. */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String sql, SQLException cause) {
        super(cause.getMessage() + " [" + sql.split("\\s+", 4)[0] + " ...]", cause);
    }

    /** SQLSTATE class 22 (data exception) or 23 (integrity constraint violation): writing it again cannot help. */
    public boolean isDataError() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
