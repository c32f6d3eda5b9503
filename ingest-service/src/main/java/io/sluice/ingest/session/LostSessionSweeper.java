package io.sluice.ingest.session;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.EventFormatException;
import io.sluice.events.EventType;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.data.SessionStats;
import io.sluice.ingest.config.IngestConfig;
import io.sluice.ingest.config.InstanceId;
import io.sluice.ingest.kafka.FetchPace;
import io.sluice.ingest.kafka.SessionEventSender;
import io.sluice.ingest.kafka.TopicFollower;
import io.sluice.ingest.metrics.IngestMetrics;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sessions whose instance died must not look live forever: status consumers such as auth-service and
 * recording would keep the stream {@code active}. When this instance starts it reads the recent history of
 * the sessions topic and ends, with {@code ingest_lost}, the sessions an earlier run of it (same instance id:
 * a StatefulSet's pod) started and never ended. It then keeps following the topic: a session of another
 * instance whose {@code session.stats} stop for {@code stats.lost-after-intervals} intervals belonged to an
 * instance that died, and this instance ends it. Every surviving instance does so; consumers keep the first
 * end of a session and ignore the others.
 */
@Singleton
public class LostSessionSweeper extends TopicFollower {

    private static final Logger LOG = Logger.getLogger(LostSessionSweeper.class);
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;
    /** A history this long (some hours of a hundred streams) has had the heap grown for it; see {@link #onCaughtUp()}. */
    static final long HISTORY_RECORDS_WORTH_A_COLLECTION = 100_000;

    private final IngestConfig config;
    private final String instanceId;
    private final SessionEventSender sender;
    private final Instant startedAt = Instant.now();
    private final long lostAfterNanos;
    /** Sessions started and not ended, by stream and session; the following thread's own. */
    private final Map<String, OpenSession> open = new LinkedHashMap<>();
    /** How many sessions each stream has in {@link #open}; the following thread's own. */
    private final Map<String, Integer> openPerStream = new HashMap<>();
    /**
     * While the history is read: the latest {@code session.stats} record of each stream with a session open,
     * not yet decoded. Nearly every record of the history is one (a session sends them every few seconds), and
     * only the last before the session's end, or before the present, counts; decoding each one made a start
     * that read a day back grow the heap to its maximum. Decoded at the stream's next start or end, and at
     * the end of the history. Where two sessions of one stream overlap (a takeover between instances), only the
     * later stats record is read, so the other's {@code bytes_in} in an {@code ingest_lost} end may be older.
     */
    private final Map<String, ConsumerRecord<String, byte[]>> unreadStats = new HashMap<>();
    private long historyRecords;
    private boolean caughtUp;
    private long nextCheckNanos;

    /** A session another instance has open, and when this instance last heard of it. */
    private static final class OpenSession {

        final SessionStarted started;
        long lastHeardNanos;
        long bytesIn;

        OpenSession(SessionStarted started, long lastHeardNanos) {
            this.started = started;
            this.lastHeardNanos = lastHeardNanos;
        }
    }

    LostSessionSweeper(IngestConfig config, InstanceId instanceId, SessionEventSender sender, IngestMetrics metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        // Sessions are lost after several stats intervals without a word (a minute by default): two seconds late
        // is nothing, and each fetch the broker answers costs this thread a wake-up.
        super(Topics.SESSIONS, "ingest-lost-sessions", bootstrapServers, FetchPace.gathered(Duration.ofSeconds(2)), metrics);
        this.config = config;
        this.instanceId = instanceId.value();
        this.sender = sender;
        this.lostAfterNanos = config.stats().interval().multipliedBy(config.stats().lostAfterIntervals()).toNanos();
    }

    void sweep(@Observes StartupEvent event) {
        startFollowing();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopFollowing();
    }

    /** Back as far as the lookback; a partition with nothing that recent has nothing to sweep. */
    @Override
    protected void position(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        long since = startedAt.minus(config.lostSessionLookback()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(query);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                kafka.seekToEnd(List.of(partition));
            } else {
                kafka.seek(partition, offset.offset());
            }
        }
    }

    /**
     * Stats are nearly every record of the topic, and only those of a session this follower watches count.
     * While the history is read, a stream's stats wait undecoded for what comes next (see {@link #unreadStats});
     * afterwards the stats of a stream with no watched session (this instance's own live streams, mostly)
     * are skipped undecoded: decoding all of them took a sixth of the ingest's profiled CPU samples under a
     * hundred streams (rarely called code, which the C2-only services run interpreted for long).
     */
    @Override
    protected boolean handledUndecoded(ConsumerRecord<String, byte[]> record) {
        if (!caughtUp) {
            historyRecords++;
        }
        if (record.key() == null || EventCodec.peekType(record).orElse(null) != EventType.SESSION_STATS) {
            return false;
        }
        boolean watched = openPerStream.containsKey(record.key());
        if (caughtUp) {
            return !watched;
        }
        if (watched) {
            unreadStats.put(record.key(), record);
        }
        return true;
    }

    @Override
    protected void onEvent(DecodedEvent event, ConsumerRecord<String, byte[]> record) {
        if (!(event instanceof DecodedEvent.Structured structured)) {
            return;
        }
        switch (structured.event().data()) {
            case SessionStarted started when isLeftByEarlierRun(started) || !instanceId.equals(started.ingestInstance()) -> {
                readUnreadStats(started.streamId());
                opened(new OpenSession(started, System.nanoTime()));
            }
            case SessionStats stats -> heard(stats);
            case SessionEnded ended -> {
                readUnreadStats(ended.streamId());
                closed(ended.streamId(), ended.sessionId());
            }
            default -> {
                // This instance's own live sessions are its own to end.
            }
        }
    }

    private void heard(SessionStats stats) {
        OpenSession session = open.get(key(stats.streamId(), stats.sessionId()));
        if (session != null) {
            session.lastHeardNanos = System.nanoTime();
            session.bytesIn = stats.bytesIn();
        }
    }

    private void readUnreadStats(String streamId) {
        ConsumerRecord<String, byte[]> record = unreadStats.remove(streamId);
        if (record == null) {
            return;
        }
        try {
            if (EventCodec.decode(record) instanceof DecodedEvent.Structured s && s.event().data() instanceof SessionStats stats) {
                heard(stats);
            }
        } catch (EventFormatException e) {
            onMalformed(record, e);
        }
    }

    private void opened(OpenSession session) {
        SessionStarted started = session.started;
        if (open.put(key(started.streamId(), started.sessionId()), session) == null) {
            openPerStream.merge(started.streamId(), 1, Integer::sum);
        }
    }

    private void closed(String streamId, String sessionId) {
        if (open.remove(key(streamId, sessionId)) != null) {
            countClosed(streamId);
        }
    }

    private void countClosed(String streamId) {
        openPerStream.computeIfPresent(streamId, (stream, count) -> count == 1 ? null : count - 1);
    }

    private boolean isLeftByEarlierRun(SessionStarted started) {
        return instanceId.equals(started.ingestInstance()) && started.startedAt().isBefore(startedAt);
    }

    @Override
    protected void onMalformed(ConsumerRecord<String, byte[]> record, EventFormatException error) {
        // A record this version cannot read is no session to watch.
    }

    /**
     * The history is read: what an earlier run of this instance left open ends now; another instance's
     * session is given the whole bound from now, as its stats in the history say nothing of the present.
     */
    @Override
    protected void onCaughtUp() {
        if (caughtUp) {
            return;
        }
        caughtUp = true;
        List.copyOf(unreadStats.keySet()).forEach(this::readUnreadStats);
        long now = System.nanoTime();
        LOG.debugf("looked back %s on %s: %d records, %d sessions open", config.lostSessionLookback(), Topics.SESSIONS,
                historyRecords, open.size());
        for (Iterator<OpenSession> it = open.values().iterator(); it.hasNext();) {
            OpenSession session = it.next();
            if (isLeftByEarlierRun(session.started)) {
                LOG.warnf("stream %s: session %s was left open by an earlier run of this instance; ending it as ingest_lost",
                        session.started.streamId(), session.started.sessionId());
                end(session, "the ingest instance " + instanceId + " stopped without ending the session");
                it.remove();
                countClosed(session.started.streamId());
            } else {
                session.lastHeardNanos = now;
            }
        }
        nextCheckNanos = now + CHECK_EVERY_NANOS;
        if (historyRecords >= HISTORY_RECORDS_WORTH_A_COLLECTION) {
            giveBackTheHeap();
        }
    }

    /**
     * Reading a long history back allocates fast, and the collector grows the heap for it (up to its maximum
     * with a day of a hundred streams) though little of it stays live; the services' serial collector hands
     * heap back to the system only after a full collection, which an idle ingest may not see for hours. One
     * now, at a start, before the ingest carries much, lets the heap shrink to what is in use (within
     * {@code -XX:MaxHeapFreeRatio}).
     */
    private void giveBackTheHeap() {
        long started = System.nanoTime();
        System.gc();
        LOG.debugf("collected after reading %d records of history in %d ms", historyRecords,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Once a second: the sessions of other instances that fell silent. */
    @Override
    protected void onPolled() {
        long now = System.nanoTime();
        if (!caughtUp || now < nextCheckNanos) {
            return;
        }
        nextCheckNanos = now + CHECK_EVERY_NANOS;
        long silentSeconds = lostAfterNanos / 1_000_000_000L;
        for (Iterator<OpenSession> it = open.values().iterator(); it.hasNext();) {
            OpenSession session = it.next();
            if (now - session.lastHeardNanos > lostAfterNanos) {
                LOG.warnf("stream %s: session %s of ingest instance %s sent no stats for %d s; ending it as ingest_lost",
                        session.started.streamId(), session.started.sessionId(), session.started.ingestInstance(), silentSeconds);
                end(session, "the ingest instance " + session.started.ingestInstance() + " sent nothing for " + silentSeconds
                        + " s");
                it.remove();
                countClosed(session.started.streamId());
            }
        }
    }

    private void end(OpenSession session, String detail) {
        SessionStarted lost = session.started;
        sender.ended(new SessionEnded(lost.streamId(), lost.tenant(), lost.sessionId(), EndReason.INGEST_LOST, detail,
                lost.clientAddress(), lost.startedAt(), Instant.now(), session.bytesIn, 0, 0, null, null));
    }

    /**
     * A stream's start and end share a partition and so come in order; partitions are read one after the
     * other, so the key must hold the stream, not the session id alone.
     */
    private static String key(String streamId, String sessionId) {
        return streamId + '/' + sessionId;
    }
}
