package io.sluice.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Real Keycloak tokens of the demo users, kept a few minutes so that tests do not ask Keycloak every time. */
public final class DemoTokens {

    private static final Duration REUSE = Duration.ofMinutes(4);
    private static final Map<DemoUser, String> TOKENS = new EnumMap<>(DemoUser.class);
    private static final Map<DemoUser, Instant> FETCHED = new EnumMap<>(DemoUser.class);

    private DemoTokens() {
    }

    public static synchronized String of(DemoUser user) {
        Instant fetched = FETCHED.get(user);
        if (fetched == null || fetched.plus(REUSE).isBefore(Instant.now())) {
            TOKENS.put(user, user.accessToken());
            FETCHED.put(user, Instant.now());
        }
        return TOKENS.get(user);
    }
}
