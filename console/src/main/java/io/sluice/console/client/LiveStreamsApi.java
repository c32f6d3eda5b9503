package io.sluice.console.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.sluice.console.model.Caller;
import io.sluice.console.model.LiveStream;
import io.sluice.console.model.Page;
import io.sluice.console.model.Session;
import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** auth-service's live-stream API, called as the signed-in user. */
@RequestScoped
public class LiveStreamsApi {

    private final ServiceClient client;
    private final AccessTokenCredential token;
    private Caller caller;

    LiveStreamsApi(ServiceClients clients, AccessTokenCredential token) {
        this.client = clients.auth();
        this.token = token;
    }

    /** Who the API takes the user for, asked once per request. */
    public Caller caller() {
        if (caller == null) {
            caller = client.get("/v1/me", token.getToken(), client.type(Caller.class));
        }
        return caller;
    }

    /** The newest streams of the user's tenant: one page of the API's largest size. */
    public List<LiveStream> list() {
        Page<LiveStream> page = client.get("/v1/live-streams?limit=100", token.getToken(), client.type(Page.class, LiveStream.class));
        return page.data();
    }

    public LiveStream get(String id) {
        return client.get(path(id), token.getToken(), client.type(LiveStream.class));
    }

    /** The newest session of the stream, if it had one: the live one while it is live. */
    public Session latestSession(String id) {
        Page<Session> page = client.get(path(id) + "/sessions?limit=1", token.getToken(), client.type(Page.class, Session.class));
        return page.data().isEmpty() ? null : page.data().getFirst();
    }

    public LiveStream create(String name, int reconnectWindowSeconds, boolean recording) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("reconnect_window_seconds", reconnectWindowSeconds);
        body.put("recording", recording);
        return client.post("/v1/live-streams", token.getToken(), body, client.type(LiveStream.class));
    }

    public LiveStream rotateKey(String id) {
        return client.post(path(id) + "/rotate-key", token.getToken(), Map.of(), client.type(LiveStream.class));
    }

    public LiveStream disable(String id) {
        return client.post(path(id) + "/disable", token.getToken(), Map.of(), client.type(LiveStream.class));
    }

    public LiveStream enable(String id) {
        return client.post(path(id) + "/enable", token.getToken(), Map.of(), client.type(LiveStream.class));
    }

    public void delete(String id) {
        client.delete(path(id), token.getToken());
    }

    static String path(String id) {
        return "/v1/live-streams/" + UrlPaths.segment(id);
    }
}
