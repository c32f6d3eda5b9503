package io.sluice.loadgen.auth;

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

/**
 * The few calls of the auth API the load generators need: a token by the password grant (the demo users
 * of the local stack), and live streams created and deleted. The key of a created stream goes only to the
 * caller, never to the output.
 */
public final class AuthApi {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STREAM_KEY = Pattern.compile("\"stream_key\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI api;
    private final String token;

    private AuthApi(URI api, String token) {
        this.api = api;
        this.token = token;
    }

    /** Signs in as {@code user} at the OpenID provider {@code issuer} (a realm URL). */
    public static AuthApi signIn(URI api, String issuer, String client, String user, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + enc(client) + "&username=" + enc(user)
                + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        AuthApi unauthenticated = new AuthApi(api, null);
        HttpResponse<String> response = unauthenticated.http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("no token for " + user + " from " + issuer + ": HTTP " + response.statusCode());
        }
        return new AuthApi(api, matcher.group(1));
    }

    public HttpClient http() {
        return http;
    }

    /** A request to {@code path} of the API with the bearer token. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** A request to {@code path} of another service of the same sign-in (simulcast's API), with the bearer token. */
    public HttpRequest.Builder request(URI service, String path) {
        return HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /**
     * Adds an RTMP simulcast target to the live stream {@code streamId} through simulcast-service at {@code service};
     * its id.
     */
    public String createSimulcastTarget(URI service, String streamId, String url, String streamKey)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(service, "/v1/live-streams/" + streamId
                + "/simulcast-targets").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"stream_key\":\"" + streamKey
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a simulcast target answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return find(ID, response.body());
    }

    /** Creates a live stream named {@code name}. */
    public CreatedStream createStream(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/v1/live-streams")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a live stream answered HTTP " + response.statusCode());
        }
        return new CreatedStream(find(ID, response.body()), find(STREAM_KEY, response.body()));
    }

    public void deleteStream(String id) throws IOException, InterruptedException {
        http.send(request("/v1/live-streams/" + id).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The id of a created stream in {@code body}, or {@code null}. */
    public static String idOf(String body) {
        Matcher matcher = ID.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("the answer lacks " + pattern.pattern().split("\"")[1]);
        }
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A live stream and its key, which is shown this once. */
    public record CreatedStream(String id, String streamKey) {

        @Override
        public String toString() {
            return "CreatedStream[id=" + id + "]";
        }
    }
}
