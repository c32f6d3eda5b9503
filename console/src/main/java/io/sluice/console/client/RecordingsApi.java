package io.sluice.console.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.sluice.console.model.Page;
import io.sluice.console.model.Recording;
import jakarta.enterprise.context.RequestScoped;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

/** recording-service's recordings API, called as the signed-in user. */
@RequestScoped
public class RecordingsApi {

    private final ServiceClient client;
    private final AccessTokenCredential token;

    RecordingsApi(ServiceClients clients, AccessTokenCredential token) {
        this.client = clients.recording();
        this.token = token;
    }

    /** The stream's newest recordings, one page of the API's largest size. */
    public List<Recording> ofStream(String streamId) {
        Page<Recording> page = client.get("/v1/recordings?limit=100&stream_id=" + UrlPaths.segment(streamId), token.getToken(),
                client.type(Page.class, Recording.class));
        return page.data();
    }

    public Recording get(String id) {
        return client.get(path(id), token.getToken(), client.type(Recording.class));
    }

    public HttpResponse<InputStream> download(String id) {
        return client.stream(path(id) + "/download", token.getToken());
    }

    public void delete(String id) {
        client.delete(path(id), token.getToken());
    }

    private static String path(String id) {
        return "/v1/recordings/" + UrlPaths.segment(id);
    }
}
