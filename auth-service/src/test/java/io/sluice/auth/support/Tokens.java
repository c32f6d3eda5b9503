package io.sluice.auth.support;

import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real Keycloak tokens, kept for a few minutes (the realm issues them for 15) so that tests that make many
 * requests do not ask Keycloak each time.
 */
public final class Tokens {

    private static final Duration REUSE = Duration.ofMinutes(5);
    private static final Map<DemoUser, String> TOKENS = new EnumMap<>(DemoUser.class);
    private static final Map<DemoUser, Instant> FETCHED = new EnumMap<>(DemoUser.class);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Tokens() {
    }

    public static synchronized String of(DemoUser user) {
        Instant fetched = FETCHED.get(user);
        if (fetched == null || fetched.plus(REUSE).isBefore(Instant.now())) {
            TOKENS.put(user, user.accessToken());
            FETCHED.put(user, Instant.now());
        }
        return TOKENS.get(user);
    }

    /**
     * A service account's token (client credentials of the ingest service's client): valid for the API's
     * audience, but it names no tenant and holds no streamer role.
     */
    public static String serviceAccount() {
        String form = "grant_type=client_credentials&client_id=sluice-ingest-service&client_secret=local-ingest-service-secret";
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestStack.get().endpoints().oidcServerUrl()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no service account token: HTTP " + response.statusCode());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
