package io.sluice.ingest.config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidationException.Problem;
import io.smallrye.config.ConfigValidator;
import io.sluice.media.rtmp.RtmpLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bounds of the {@code sluice.ingest} settings, checked as SmallRye Config reads them, before anything
 * starts: a value out of bounds stops the start with one line for each such setting, as any other
 * configuration error does. Written out here rather than as Bean Validation annotations on
 * {@link IngestConfig}: Hibernate Validator, its expression language and its metadata were about 11 MB of an
 * idle instance's resident memory, for some twenty bounds checked once (docs/benchmarks.md).
 */
public final class IngestConfigBounds implements ConfigValidator {

    private static final String PREFIX = "sluice.ingest.";
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /**
     * A bound against a slip of the keyboard, not a tuned figure: listeners beyond Vert.x's event loops (two per
     * processor unless {@code quarkus.vertx.event-loops-pool-size} says otherwise) would only share them.
     */
    private static final int MAX_EVENT_LOOPS = 256;

    @Override
    public void validateMapping(Class<?> mappingClass, String prefix, Object mapping) {
        if (mapping instanceof IngestConfig config) {
            List<String> problems = problems(config);
            if (!problems.isEmpty()) {
                throw new ConfigValidationException(problems.stream().map(Problem::new).toArray(Problem[]::new));
            }
        }
    }

    /** One line for each setting out of its bounds, naming it; empty when all are within them. */
    public static List<String> problems(IngestConfig config) {
        Problems problems = new Problems();
        if (config.adminRole().isBlank()) {
            problems.add("admin-role must not be blank");
        }
        if (!APPLICATION.matcher(config.application()).matches()) {
            problems.add("application must be 1 to 64 letters, digits, '_', '.' or '-', is '" + config.application() + "'");
        }
        problems.between("rtmp.port", config.rtmp().port(), 0, 65_535);
        problems.between("rtmps.port", config.rtmps().port(), 0, 65_535);
        config.eventLoops().ifPresent(loops -> problems.between("event-loops", loops, 1, MAX_EVENT_LOOPS));

        IngestConfig.Limits limits = config.limits();
        problems.atLeast("limits.max-connections", limits.maxConnections(), 1);
        problems.atLeast("limits.max-connections-per-address", limits.maxConnectionsPerAddress(), 1);
        problems.atLeast("limits.max-tls-handshakes-per-address", limits.maxTlsHandshakesPerAddress(), 1);
        problems.between("limits.max-message-size", limits.maxMessageSize(), 1024,
                RtmpLimits.RTMP_MAX_MESSAGE_LENGTH);
        problems.atLeast("limits.max-chunk-size", limits.maxChunkSize(), 128);
        problems.atLeast("limits.max-chunk-streams", limits.maxChunkStreams(), 4);
        problems.atLeast("limits.max-buffered-bytes", limits.maxBufferedBytes(), 65_536);
        problems.atLeast("limits.max-pending-reply-bytes", limits.maxPendingReplyBytes(), 4096);
        problems.atLeast("limits.max-messages-per-second", limits.maxMessagesPerSecond(), 1);
        problems.atLeast("limits.max-message-burst", limits.maxMessageBurst(), 1);
        problems.atLeast("limits.default-max-bitrate-kbps", limits.defaultMaxBitrateKbps(), 0);

        problems.between("new-key-wait", config.newKeyWait(), Duration.ZERO, Duration.ofSeconds(10));
        problems.atLeast("brute-force.max-failures", config.bruteForce().maxFailures(), 1);
        problems.atLeast("kafka.max-in-flight-bytes-per-session", config.kafka().maxInFlightBytesPerSession(), 1_048_576);
        problems.atLeast("kafka.max-in-flight-bytes", config.kafka().maxInFlightBytes(), 16_777_216);
        problems.atLeast("stats.lost-after-intervals", config.stats().lostAfterIntervals(), 2);
        problems.atLeast("heap.loaded-sessions", config.heap().loadedSessions(), 0);
        return problems.lines;
    }

    private static final class Problems {

        private final List<String> lines = new ArrayList<>();

        void add(String problem) {
            lines.add(PREFIX + problem);
        }

        void atLeast(String name, long value, long min) {
            if (value < min) {
                add(name + " must be at least " + min + ", is " + value);
            }
        }

        void between(String name, long value, long min, long max) {
            if (value < min || value > max) {
                add(name + " must be between " + min + " and " + max + ", is " + value);
            }
        }

        void between(String name, Duration value, Duration min, Duration max) {
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                add(name + " must be between " + min.toMillis() + "ms and " + max.toMillis() + "ms, is " + value.toMillis() + "ms");
            }
        }
    }
}
