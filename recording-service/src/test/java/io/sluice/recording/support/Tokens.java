package io.sluice.recording.support;

import io.sluice.testkit.DemoTokens;
import io.sluice.testkit.DemoUser;

/** Real Keycloak tokens of the demo users, kept a few minutes so that tests do not ask Keycloak every time. */
public final class Tokens {

    private Tokens() {
    }

    public static String of(DemoUser user) {
        return DemoTokens.of(user);
    }
}
