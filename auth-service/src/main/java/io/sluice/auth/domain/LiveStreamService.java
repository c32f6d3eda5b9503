package io.sluice.auth.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sluice.auth.kafka.RegistryOutbox;
import io.sluice.auth.security.Caller;
import io.sluice.auth.storage.LiveStreamEntity;
import io.sluice.auth.storage.LiveStreamRepository;
import io.sluice.auth.storage.StoredText;
import io.sluice.auth.storage.StreamSessionEntity;
import io.sluice.auth.storage.StreamSessionRepository;
import io.sluice.events.StreamKeyHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Live streams and their keys, with the tenant rules in one place: a caller reads its own tenant's streams
 * (an admin reads every tenant's) and, with the streamer role, creates and changes them. Every change that
 * ingest must know about bumps the stream's registry version and writes the registry record to the outbox
 * in the same transaction.
 */
@ApplicationScoped
public class LiveStreamService {

    private static final int REPUBLISH_BATCH = 500;

    private final LiveStreamRepository streams;
    private final StreamSessionRepository sessions;
    private final RegistryOutbox outbox;
    private final StreamKeyGenerator generator;

    LiveStreamService(LiveStreamRepository streams, StreamSessionRepository sessions, RegistryOutbox outbox,
            StreamKeyGenerator generator) {
        this.streams = streams;
        this.sessions = sessions;
        this.outbox = outbox;
        this.generator = generator;
    }

    @Transactional
    public IssuedKey create(Caller caller, LiveStreamSpec spec) {
        requireStreamer(caller);
        Instant now = now();
        String key = generator.newKey();
        LiveStreamEntity stream = new LiveStreamEntity();
        stream.id = generator.newStreamId();
        stream.tenant = caller.tenant();
        stream.name = spec.name();
        stream.passthrough = emptyToNull(spec.passthrough());
        stream.keyHash = StreamKeyHash.of(key);
        stream.enabled = true;
        stream.playbackId = generator.newPlaybackId();
        stream.reconnectWindowSeconds = Objects.requireNonNullElse(spec.reconnectWindowSeconds(),
                LiveStreamSpec.DEFAULT_RECONNECT_WINDOW_SECONDS);
        stream.recording = Objects.requireNonNullElse(spec.recording(), LiveStreamSpec.DEFAULT_RECORDING);
        stream.maxContinuousDurationSeconds = Objects.requireNonNullElse(spec.maxContinuousDurationSeconds(),
                LiveStreamSpec.DEFAULT_MAX_CONTINUOUS_DURATION_SECONDS);
        stream.maxBitrateKbps = Objects.requireNonNullElse(spec.maxBitrateKbps(), LiveStreamSpec.DEFAULT_MAX_BITRATE_KBPS);
        stream.version = 1;
        stream.registryVersion = 1;
        stream.createdBy = caller.subject();
        stream.createdAt = now;
        stream.updatedAt = now;
        stream.persist();
        outbox.append(stream);
        return new IssuedKey(new LiveStreamState(stream, LiveStreamStatus.IDLE, null), key);
    }

    /** Reads run without a transaction: nothing to commit, and one round trip less on the hottest call. */
    public LiveStreamState get(Caller caller, String id) {
        requireWellFormed(id);
        Instant now = now();
        LiveStreamRepository.StreamWithSessions found = streams.findVisibleWithRecentSessions(id, readScope(caller),
                now.minusSeconds(LiveStreamLimits.RECONNECT_WINDOW_MAX_SECONDS)).orElseThrow(() -> new LiveStreamNotFoundException(id));
        return LiveStreamState.of(found.stream(), found.recentSessions(), now);
    }

    /**
     * @param status {@code null} for every status
     * @param tenant only for admins; for anyone else, a tenant other than their own gives an empty page
     */
    public Page<LiveStreamState> list(Caller caller, LiveStreamStatus status, String tenant, String cursor, int limit) {
        String scope = readScope(caller);
        if (tenant != null) {
            if (scope != null && !scope.equals(tenant)) {
                return new Page<>(List.of(), null);
            }
            scope = tenant;
        }
        PageCursors.StreamPosition after = PageCursors.streamPosition(cursor);
        LiveStreamRepository.StatusFilter filter = status == null ? LiveStreamRepository.StatusFilter.ANY
                : LiveStreamRepository.StatusFilter.valueOf(status.name());
        Page<LiveStreamEntity> page = Page.of(streams.page(scope, filter,
                        after == null ? null : new LiveStreamRepository.PageCursor(after.createdAt(), after.id()), limit + 1, now()),
                limit, PageCursors::after);
        return new Page<>(withStatus(page.items()), page.nextCursor());
    }

    /** Changes what {@code changes} gives; a change to what a stream already has is none, and bumps nothing. */
    @Transactional
    public LiveStreamState update(Caller caller, String id, LiveStreamSpec changes, VersionPrecondition precondition) {
        LiveStreamEntity stream = lockForChange(caller, id, precondition);
        boolean changed = false;
        if (changes.name() != null && !changes.name().equals(stream.name)) {
            stream.name = changes.name();
            changed = true;
        }
        if (changes.passthrough() != null && !Objects.equals(emptyToNull(changes.passthrough()), stream.passthrough)) {
            stream.passthrough = emptyToNull(changes.passthrough());
            changed = true;
        }
        boolean ingestSees = false;
        if (changes.reconnectWindowSeconds() != null && changes.reconnectWindowSeconds() != stream.reconnectWindowSeconds) {
            stream.reconnectWindowSeconds = changes.reconnectWindowSeconds();
            ingestSees = true;
        }
        if (changes.recording() != null && changes.recording() != stream.recording) {
            stream.recording = changes.recording();
            ingestSees = true;
        }
        if (changes.maxContinuousDurationSeconds() != null
                && changes.maxContinuousDurationSeconds() != stream.maxContinuousDurationSeconds) {
            stream.maxContinuousDurationSeconds = changes.maxContinuousDurationSeconds();
            ingestSees = true;
        }
        if (changes.maxBitrateKbps() != null && changes.maxBitrateKbps() != stream.maxBitrateKbps) {
            stream.maxBitrateKbps = changes.maxBitrateKbps();
            ingestSees = true;
        }
        if (changed || ingestSees) {
            markChanged(stream);
        }
        if (ingestSees) {
            publish(stream);
        }
        return withStatus(List.of(stream)).getFirst();
    }

    /** A new key; the old one stops working as soon as ingest reads the registry record. */
    @Transactional
    public IssuedKey rotateKey(Caller caller, String id, VersionPrecondition precondition) {
        LiveStreamEntity stream = lockForChange(caller, id, precondition);
        String key = generator.newKey();
        stream.keyHash = StreamKeyHash.of(key);
        markChanged(stream);
        publish(stream);
        return new IssuedKey(withStatus(List.of(stream)).getFirst(), key);
    }

    /** Enables or disables the key; setting the state it already has changes nothing. */
    @Transactional
    public LiveStreamState setEnabled(Caller caller, String id, boolean enabled, VersionPrecondition precondition) {
        LiveStreamEntity stream = lockForChange(caller, id, precondition);
        if (stream.enabled != enabled) {
            stream.enabled = enabled;
            markChanged(stream);
            publish(stream);
        }
        return withStatus(List.of(stream)).getFirst();
    }

    /** Deletes the stream and its history; the registry gets a tombstone. */
    @Transactional
    public void delete(Caller caller, String id, VersionPrecondition precondition) {
        LiveStreamEntity stream = lockForChange(caller, id, precondition);
        stream.delete();
        outbox.appendTombstone(id);
    }

    public Page<StreamSessionEntity> sessions(Caller caller, String id, String cursor, int limit) {
        requireWellFormed(id);
        if (streams.findVisible(id, readScope(caller)).isEmpty()) {
            throw new LiveStreamNotFoundException(id);
        }
        return Page.of(sessions.page(id, PageCursors.sessionPosition(cursor), limit + 1), limit, PageCursors::after);
    }

    /**
     * Writes every stream's current registry record to the outbox again, for an ingest fleet or a topic
     * that lost its state. Runs in batches of its own transactions, so it never holds every row at once.
     *
     * @return how many streams were queued
     */
    @Transactional(Transactional.TxType.NEVER)
    public long republishRegistry(Caller caller) {
        if (!caller.admin()) {
            throw new AccessDeniedException(AccessDeniedException.Reason.NOT_AN_ADMIN, "Republishing the registry is for admins");
        }
        long queued = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String> ids = QuarkusTransaction.requiringNew().call(() -> {
                List<LiveStreamEntity> batch = streams.lockBatchAfter(from, REPUBLISH_BATCH);
                batch.forEach(outbox::append);
                return batch.stream().map(stream -> stream.id).toList();
            });
            queued += ids.size();
            if (ids.size() < REPUBLISH_BATCH) {
                return queued;
            }
            after = ids.getLast();
        }
    }

    /** Every change a caller can see gives the stream a new version (its ETag) and update time. */
    private static void markChanged(LiveStreamEntity stream) {
        stream.version++;
        stream.updatedAt = now();
    }

    /** Changes ingest must know about also go to the key registry, with a new registry version. */
    private void publish(LiveStreamEntity stream) {
        stream.registryVersion++;
        outbox.append(stream);
    }

    /**
     * Loads and row-locks a stream the caller may change, or says why not; the precondition is checked
     * last, so that another tenant's stream is not found rather than failing it.
     */
    private LiveStreamEntity lockForChange(Caller caller, String id, VersionPrecondition precondition) {
        requireStreamer(caller);
        requireWellFormed(id);
        LiveStreamEntity stream = streams.findForUpdate(id).orElseThrow(() -> new LiveStreamNotFoundException(id));
        if (!stream.tenant.equals(caller.tenant())) {
            if (caller.admin()) {
                throw new AccessDeniedException(AccessDeniedException.Reason.OTHER_TENANT,
                        "Admins may read other tenants' streams, not change them");
            }
            throw new LiveStreamNotFoundException(id);
        }
        if (!precondition.allows(stream.version)) {
            throw new PreconditionFailedException(id, stream.version);
        }
        return stream;
    }

    /** An id that could not be stored names no stream; the database is not asked (it refuses a NUL, say). */
    private static void requireWellFormed(String id) {
        if (!StoredText.isStorableIdentifier(id, LiveStreamEntity.ID_MAX_LENGTH)) {
            throw new LiveStreamNotFoundException(id);
        }
    }

    private static void requireStreamer(Caller caller) {
        requireTenant(caller);
        if (!caller.streamer()) {
            throw new AccessDeniedException(AccessDeniedException.Reason.NOT_A_STREAMER,
                    "Creating and changing live streams needs the streamer role");
        }
    }

    private static void requireTenant(Caller caller) {
        if (caller.tenant() == null) {
            throw new AccessDeniedException(AccessDeniedException.Reason.NO_TENANT, "The token names no tenant");
        }
    }

    /** @return the tenant the caller may read, {@code null} for all of them */
    private static String readScope(Caller caller) {
        if (caller.admin()) {
            return null;
        }
        requireTenant(caller);
        return caller.tenant();
    }

    private List<LiveStreamState> withStatus(List<LiveStreamEntity> page) {
        Instant now = now();
        Map<String, List<StreamSessionEntity>> recent = streams.recentSessions(
                page.stream().map(stream -> stream.id).toList(), now.minusSeconds(LiveStreamLimits.RECONNECT_WINDOW_MAX_SECONDS));
        return page.stream().map(stream -> LiveStreamState.of(stream, recent.getOrDefault(stream.id, List.of()), now)).toList();
    }

    /** Microseconds, as PostgreSQL stores them, so a cursor made from memory matches the stored value. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
