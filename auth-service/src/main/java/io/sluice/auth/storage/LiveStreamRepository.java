package io.sluice.auth.storage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Queries on live streams. A {@code tenant} of {@code null} means every tenant (an admin's read). */
@ApplicationScoped
public class LiveStreamRepository implements PanacheRepositoryBase<LiveStreamEntity, String> {

    /** Which streams a page holds, by the status the API shows. */
    public enum StatusFilter {
        ANY, IDLE, ACTIVE, DISABLED
    }

    /** The position after the last stream of a page (newest first). */
    public record PageCursor(Instant createdAt, String id) {
    }

    /**
     * A stream is active while a session is live, or while the last one ended less than its reconnect
     * window ago. {@code LiveStreamState} decides the same in Java for the streams an answer shows (the
     * sessions it needs come with them, where SQL would take a query per stream); StatusRuleTest holds the
     * two to one table of cases.
     */
    private static final String IN_SESSION = "exists (select 1 from stream_session s where s.stream_id = l.id"
            + " and (s.ended_at is null or s.ended_at > cast(:now as timestamptz) - make_interval(secs => l.reconnect_window_seconds)))";

    public Optional<LiveStreamEntity> findVisible(String id, String tenant) {
        return find(tenant == null ? "id = ?1" : "id = ?1 and tenant = ?2", tenant == null ? new Object[] {id}
                : new Object[] {id, tenant}).firstResultOptional();
    }

    /** A stream with the sessions {@link #recentSessions} would give for it. */
    public record StreamWithSessions(LiveStreamEntity stream, List<StreamSessionEntity> recentSessions) {
    }

    /**
     * {@link #findVisible} and {@link #recentSessions} in one round trip: the single-stream read is the
     * API's most frequent call.
     */
    public Optional<StreamWithSessions> findVisibleWithRecentSessions(String id, String tenant, Instant since) {
        var query = getEntityManager().createQuery("select l, s from LiveStreamEntity l"
                        + " left join StreamSessionEntity s on s.streamId = l.id and (s.endedAt is null or s.endedAt > :since)"
                        + " where l.id = :id" + (tenant == null ? "" : " and l.tenant = :tenant"), Object[].class)
                .setParameter("id", id)
                .setParameter("since", since);
        if (tenant != null) {
            query.setParameter("tenant", tenant);
        }
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<StreamSessionEntity> sessions = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[1] != null) {
                sessions.add((StreamSessionEntity) row[1]);
            }
        }
        return Optional.of(new StreamWithSessions((LiveStreamEntity) rows.getFirst()[0], sessions));
    }

    /**
     * Loads a stream and locks its row until the transaction ends, so that concurrent changes of one
     * stream take turns: each one's registry version and outbox row come after the previous one's commit.
     */
    public Optional<LiveStreamEntity> findForUpdate(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    @SuppressWarnings("unchecked")
    public List<LiveStreamEntity> page(String tenant, StatusFilter status, PageCursor after, int limit, Instant now) {
        List<String> where = new ArrayList<>();
        if (tenant != null) {
            where.add("l.tenant = :tenant");
        }
        switch (status) {
            case ANY -> {
            }
            case DISABLED -> where.add("not l.enabled");
            case ACTIVE -> where.add("l.enabled and " + IN_SESSION);
            case IDLE -> where.add("l.enabled and not " + IN_SESSION);
        }
        if (after != null) {
            where.add("(l.created_at, l.id) < (cast(:after_created_at as timestamptz), cast(:after_id as varchar))");
        }
        String sql = "select l.* from live_stream l"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by l.created_at desc, l.id desc limit :limit";
        Query query = getEntityManager().createNativeQuery(sql, LiveStreamEntity.class);
        if (tenant != null) {
            query.setParameter("tenant", tenant);
        }
        if (status == StatusFilter.ACTIVE || status == StatusFilter.IDLE) {
            query.setParameter("now", now);
        }
        if (after != null) {
            query.setParameter("after_created_at", after.createdAt());
            query.setParameter("after_id", after.id());
        }
        query.setParameter("limit", limit);
        return query.getResultList();
    }

    /**
     * The sessions that can make the given streams active at {@code now}: the live ones and those ended
     * within the longest possible reconnect window.
     */
    public Map<String, List<StreamSessionEntity>> recentSessions(Collection<String> streamIds, Instant since) {
        if (streamIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("from StreamSessionEntity s where s.streamId in :ids"
                        + " and (s.endedAt is null or s.endedAt > :since)", StreamSessionEntity.class)
                .setParameter("ids", streamIds)
                .setParameter("since", since)
                .getResultStream()
                .collect(Collectors.groupingBy(s -> s.streamId));
    }

    /**
     * The next streams by id after {@code afterId}, share-locked until the transaction ends: a change
     * committed meanwhile cannot slip an older version behind a newer one in the outbox.
     */
    @SuppressWarnings("unchecked")
    public List<LiveStreamEntity> lockBatchAfter(String afterId, int limit) {
        return getEntityManager().createNativeQuery(
                        "select * from live_stream where id > :after order by id limit :limit for share", LiveStreamEntity.class)
                .setParameter("after", afterId)
                .setParameter("limit", limit)
                .getResultList();
    }
}
