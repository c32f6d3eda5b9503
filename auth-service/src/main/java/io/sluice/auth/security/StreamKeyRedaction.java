package io.sluice.auth.security;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Rewrites anything that looks like a stream key in a log line to {@code sluice_sk_<redacted>}
 * ({@link io.sluice.events.StreamKeyRedaction}, shared with the ingest). This service never logs a key
 * itself; this catches the ones callers put where they do not belong, such as a key pasted into a URL,
 * which the HTTP access log would otherwise write down.
 */
@LoggingFilter(name = "stream-key-redaction")
public final class StreamKeyRedaction implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        io.sluice.events.StreamKeyRedaction.redact(record);
        return true;
    }

    public static String redact(String text) {
        return io.sluice.events.StreamKeyRedaction.redact(text);
    }
}
