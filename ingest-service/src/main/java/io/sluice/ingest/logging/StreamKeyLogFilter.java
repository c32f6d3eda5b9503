package io.sluice.ingest.logging;

import io.quarkus.logging.LoggingFilter;
import io.sluice.events.StreamKeyRedaction;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Rewrites anything that looks like a stream key in a log line to {@code sluice_sk_<redacted>}, as
 * auth-service does. The ingest logs stream ids, never the names encoders publish; this catches a key that
 * comes where it does not belong (in a library's message, in what a client sent as something else).
 */
@LoggingFilter(name = "stream-key-redaction")
public final class StreamKeyLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        StreamKeyRedaction.redact(record);
        return true;
    }
}
