package io.sluice.ingest.session;

import io.sluice.events.data.StreamKeyEntry;
import io.sluice.ingest.registry.StreamKeyRegistry;
import io.sluice.ingest.security.BruteForceGuard;
import io.sluice.media.rtmp.session.PublishRefusal;
import io.sluice.media.rtmp.session.PublishRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Decides a publish from the stream key alone: the key is the stream name (OBS "Custom" service), possibly
 * followed by a {@code ?query} some encoders append. Unknown keys count against the client address. (The
 * application name was checked at connect, before any key was sent.)
 */
@ApplicationScoped
public class PublishAuthorizer {

    /** Real keys are far shorter; a longer name is refused without hashing it. */
    static final int MAX_KEY_LENGTH = 256;

    private final StreamKeyRegistry registry;
    private final BruteForceGuard bruteForce;

    PublishAuthorizer(StreamKeyRegistry registry, BruteForceGuard bruteForce) {
        this.registry = registry;
        this.bruteForce = bruteForce;
    }

    public PublishDecision decide(PublishRequest request, String clientIp) {
        if (bruteForce.isLockedOut(clientIp)) {
            return new PublishDecision.Refuse(PublishRefusal.DENIED,
                    "too many failed stream key attempts from this address; try again later", "locked_out");
        }
        Optional<StreamKeyEntry> entry = key(request.streamName()).flatMap(registry::lookup);
        if (entry.isEmpty()) {
            bruteForce.recordFailure(clientIp);
            return new PublishDecision.Refuse(PublishRefusal.BAD_NAME, "invalid stream key", "bad_key");
        }
        if (entry.get().status() == StreamKeyEntry.Status.DISABLED) {
            return new PublishDecision.Refuse(PublishRefusal.DENIED, "this live stream is disabled", "key_disabled");
        }
        bruteForce.recordSuccess(clientIp);
        return new PublishDecision.Accept(entry.get());
    }

    static Optional<String> key(String streamName) {
        int query = streamName.indexOf('?');
        String key = query >= 0 ? streamName.substring(0, query) : streamName;
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(key);
    }
}
