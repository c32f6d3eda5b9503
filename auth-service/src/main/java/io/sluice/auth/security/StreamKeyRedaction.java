package io.sluice.auth.security;

import io.quarkus.logging.LoggingFilter;
import io.sluice.auth.domain.StreamKeyGenerator;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Rewrites anything that looks like a stream key in a log line to {@code sluice_sk_<redacted>}. This
 * service never logs a key itself; this catches the ones callers put where they do not belong, such as a
 * key pasted into a URL, which the HTTP access log would otherwise write down.
 */
@LoggingFilter(name = "stream-key-redaction")
public final class StreamKeyRedaction implements Filter {

    private static final String PREFIX = StreamKeyGenerator.KEY_PREFIX;
    /**
     * At least one character after the prefix: every log handler runs the filter on the same record, and a
     * second pass must leave {@code sluice_sk_<redacted>} as it is.
     */
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]+");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            if (message != null && message.contains(PREFIX)) {
                ext.setMessage(redact(message), ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        } else if (record.getMessage() != null && record.getMessage().contains(PREFIX)) {
            record.setMessage(redact(record.getMessage()));
            record.setParameters(null);
        }
        return true;
    }

    public static String redact(String text) {
        return KEY.matcher(text).replaceAll(PREFIX + "<redacted>");
    }
}
