package io.sluice.events;

import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Rewrites anything that looks like a stream key in a log line to {@code sluice_sk_<redacted>}. The services
 * never log a key themselves; this catches the ones that come where they do not belong, such as a key
 * pasted into a URL or sent as something other than a stream name. Each service installs it as a Quarkus
 * logging filter on every handler.
 */
public final class StreamKeyRedaction {

    /** What every stream key starts with: people and secret scanners recognise a leaked key by it. */
    public static final String KEY_PREFIX = "sluice_sk_";
    /**
     * At least one character after the prefix: every log handler runs the filter on the same record, and a
     * second pass must leave {@code sluice_sk_<redacted>} as it is.
     */
    private static final Pattern KEY = Pattern.compile(Pattern.quote(KEY_PREFIX) + "[A-Za-z0-9_-]+");

    private StreamKeyRedaction() {
    }

    /** Rewrites the record's message, its parameters formatted in, when it holds a key. */
    public static void redact(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            if (message != null && message.contains(KEY_PREFIX)) {
                ext.setMessage(redact(message), ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        } else if (record.getMessage() != null && record.getMessage().contains(KEY_PREFIX)) {
            record.setMessage(redact(record.getMessage()));
            record.setParameters(null);
        }
    }

    public static String redact(String text) {
        return KEY.matcher(text).replaceAll(KEY_PREFIX + "<redacted>");
    }
}
