package io.sluice.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo users of the {@code sluice} realm (infra/config/keycloak), and real tokens for them. */
public enum DemoUser {

    ALICE("alice", "acme"),
    BOB("bob", "globex"),
    /** acme's read-only user: no role, so the APIs let it read acme's streams and change none. */
    VICTOR("victor", "acme"),
    OLIVIA("olivia", "ops");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String username;
    private final String tenant;

    DemoUser(String username, String tenant) {
        this.username = username;
        this.tenant = tenant;
    }

    public String username() {
        return username;
    }

    public String tenant() {
        return tenant;
    }

    /** A fresh access token from the test stack's Keycloak, through the public client's password grant. */
    public String accessToken() {
        String form = "grant_type=password&client_id=sluice-cli&username=" + enc(username) + "&password=" + enc(username);
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
                throw new IllegalStateException("no token for " + username + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak for a token: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
