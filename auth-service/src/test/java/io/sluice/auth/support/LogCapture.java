package io.sluice.auth.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/** Every log record the application writes while installed, formatted with its stack trace. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatter.formatMessage(record);
        StringBuilder line = new StringBuilder().append(record.getLoggerName()).append(' ').append(message);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
