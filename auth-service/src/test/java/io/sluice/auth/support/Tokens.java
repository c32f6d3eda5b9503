package io.sluice.auth.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestStack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real Keycloak tokens, kept for a few minutes (the realm issues them for 15) so that tests that make many
 * requests do not ask Keycloak each time.
 */
public final class Tokens {

    /** The realm's user of tenant {@code acme} without the streamer role: reads, never changes. */
    public static final String VIEWER = "victor";

    private static final Duration REUSE = Duration.ofMinutes(5);
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final Map<String, Instant> FETCHED = new HashMap<>();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Tokens() {
    }

    public static synchronized String of(DemoUser user) {
        return cached(user.username(), user::accessToken);
    }

    /** A token of {@link #VIEWER}. */
    public static synchronized String viewer() {
        return cached(VIEWER, () -> fresh("sluice-cli", VIEWER));
    }

    /**
     * A fresh token for a user through one of the realm's test clients ({@code sluice-test-*}), each made to
     * issue tokens the API must refuse.
     */
    public static String fromTestClient(String clientId, DemoUser user) {
        return fresh(clientId, user.username());
    }

    /**
     * A service account's token (client credentials of the ingest service's client): valid for the API's
     * audience, but it names no tenant and holds no streamer role.
     */
    public static String serviceAccount() {
        return token("grant_type=client_credentials&client_id=sluice-ingest-service&client_secret=local-ingest-service-secret");
    }

    /** The claims of a token, read without checking it: for tests to show what they send. */
    public static Map<String, Object> claims(String token) {
        try {
            return new ObjectMapper().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cached(String username, Supplier<String> fetch) {
        Instant fetched = FETCHED.get(username);
        if (fetched == null || fetched.plus(REUSE).isBefore(Instant.now())) {
            TOKENS.put(username, fetch.get());
            FETCHED.put(username, Instant.now());
        }
        return TOKENS.get(username);
    }

    /** The realm's demo users have their user name as password. */
    private static String fresh(String clientId, String username) {
        return token("grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username) + "&password=" + enc(username));
    }

    private static String token(String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestStack.get().endpoints().oidcServerUrl()
                        + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no token: HTTP " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
