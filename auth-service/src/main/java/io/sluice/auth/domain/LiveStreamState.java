package io.sluice.auth.domain;

import io.sluice.auth.storage.LiveStreamEntity;
import io.sluice.auth.storage.StreamSessionEntity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A stream with the status its sessions give it at a moment.
 *
 * @param activeSession the session an encoder is publishing in now, {@code null} if none
 */
public record LiveStreamState(LiveStreamEntity stream, LiveStreamStatus status, StreamSessionEntity activeSession) {

    /**
     * Active while a session is live or the last one ended less than the reconnect window ago; disabled
     * overrides both. {@code LiveStreamRepository}'s status filter says the same in SQL, for lists filtered
     * by status; StatusRuleTest holds the two to one table of cases.
     */
    static LiveStreamState of(LiveStreamEntity stream, List<StreamSessionEntity> recentSessions, Instant now) {
        StreamSessionEntity live = recentSessions.stream()
                .filter(StreamSessionEntity::live)
                .max(Comparator.comparingLong((StreamSessionEntity s) -> s.seq))
                .orElse(null);
        boolean reconnecting = recentSessions.stream()
                .anyMatch(s -> s.endedAt != null && s.endedAt.plusSeconds(stream.reconnectWindowSeconds).isAfter(now));
        LiveStreamStatus status;
        if (!stream.enabled) {
            status = LiveStreamStatus.DISABLED;
        } else if (live != null || reconnecting) {
            status = LiveStreamStatus.ACTIVE;
        } else {
            status = LiveStreamStatus.IDLE;
        }
        return new LiveStreamState(stream, status, live);
    }
}
