package io.sluice.console.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.sluice.console.model.Page;
import io.sluice.console.model.SimulcastTarget;
import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** simulcast-service's targets API, called as the signed-in user. */
@RequestScoped
public class SimulcastApi {

    private final ServiceClient client;
    private final AccessTokenCredential token;

    SimulcastApi(ServiceClients clients, AccessTokenCredential token) {
        this.client = clients.simulcast();
        this.token = token;
    }

    public List<SimulcastTarget> targets(String streamId) {
        Page<SimulcastTarget> page = client.get(path(streamId), token.getToken(), client.type(Page.class, SimulcastTarget.class));
        return page.data();
    }

    public SimulcastTarget add(String streamId, String url, String streamKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("stream_key", streamKey);
        body.put("enabled", true);
        return client.post(path(streamId), token.getToken(), body, client.type(SimulcastTarget.class));
    }

    public SimulcastTarget setEnabled(String streamId, String targetId, boolean enabled) {
        return client.patch(path(streamId) + "/" + UrlPaths.segment(targetId), token.getToken(), Map.of("enabled", enabled),
                client.type(SimulcastTarget.class));
    }

    public void delete(String streamId, String targetId) {
        client.delete(path(streamId) + "/" + UrlPaths.segment(targetId), token.getToken());
    }

    private static String path(String streamId) {
        return LiveStreamsApi.path(streamId) + "/simulcast-targets";
    }
}
