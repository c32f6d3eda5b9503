package io.sluice.auth.kafka;

import io.sluice.auth.storage.LiveStreamEntity;
import io.sluice.auth.storage.RegistryOutboxEntity;
import io.sluice.events.EventHeader;
import io.sluice.events.EventRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes registry records into the outbox inside the caller's transaction, so a change and its record
 * commit together or not at all, and tells the relay once that transaction has committed.
 */
@ApplicationScoped
public class RegistryOutbox {

    /** Fired inside the writing transaction; observed after a successful commit. */
    public record Appended() {
    }

    private final RegistryRecords records;
    private final Event<Appended> appended;

    RegistryOutbox(RegistryRecords records, Event<Appended> appended) {
        this.records = records;
        this.appended = appended;
    }

    /** The stream as it is now; the caller holds its row lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(LiveStreamEntity stream) {
        Instant now = Instant.now();
        write(records.record(stream, now), now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendTombstone(String streamId) {
        write(records.tombstone(streamId), Instant.now());
    }

    private void write(EventRecord record, Instant now) {
        RegistryOutboxEntity row = new RegistryOutboxEntity();
        row.streamId = record.key();
        row.recordValue = record.value();
        Map<String, String> headers = new LinkedHashMap<>();
        for (EventHeader header : record.headers()) {
            headers.put(header.key(), header.text());
        }
        row.recordHeaders = headers;
        row.createdAt = now;
        row.persist();
        appended.fire(new Appended());
    }
}
