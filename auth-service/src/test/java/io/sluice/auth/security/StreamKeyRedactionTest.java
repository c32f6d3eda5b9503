package io.sluice.auth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class StreamKeyRedactionTest {

    private static final String KEY = "sluice_sk_pYCSZ4JUaiJMxq6BbK0ChgI0vpCFFXIOVydE6-69zEg";

    @Test
    void aKeyInALogLineIsRedactedAndTheRestKept() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "GET /v1/live-streams/%s HTTP/1.1 404", ExtLogRecord.FormatStyle.PRINTF,
                StreamKeyRedactionTest.class.getName());
        record.setParameters(new Object[] {KEY});

        assertThat(new StreamKeyRedaction().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo("GET /v1/live-streams/sluice_sk_<redacted> HTTP/1.1 404");
    }

    @Test
    void linesWithoutAKeyAreLeftAlone() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "stream %s rotated", ExtLogRecord.FormatStyle.PRINTF,
                StreamKeyRedactionTest.class.getName());
        record.setParameters(new Object[] {"ls_3f6c"});

        new StreamKeyRedaction().isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("stream ls_3f6c rotated");
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "GET /v1/live-streams?cursor=%s HTTP/1.1 400", ExtLogRecord.FormatStyle.PRINTF,
                StreamKeyRedactionTest.class.getName());
        record.setParameters(new Object[] {KEY});

        // As the console handler and the file handler each do.
        new StreamKeyRedaction().isLoggable(record);
        new StreamKeyRedaction().isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("GET /v1/live-streams?cursor=sluice_sk_<redacted> HTTP/1.1 400");
    }

    @Test
    void everyKeyOfALineIsRedacted() {
        assertThat(StreamKeyRedaction.redact(KEY + " and " + KEY + "x")).isEqualTo("sluice_sk_<redacted> and sluice_sk_<redacted>");
    }
}
