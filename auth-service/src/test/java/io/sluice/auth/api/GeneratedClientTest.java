package io.sluice.auth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.auth.client.ApiClient;
import io.sluice.auth.client.ApiException;
import io.sluice.auth.client.api.LiveStreamsApi;
import io.sluice.auth.client.model.CreateLiveStream;
import io.sluice.auth.client.model.LiveStream;
import io.sluice.testkit.DemoUser;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The Java client that openapi-generator makes of {@code docs/openapi/auth-service.yaml} (the build generates
 * it, see the pom) works against the real service with a real Keycloak token: what a user who generates a
 * client from the published document gets. Its method names are the document's operationIds.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void createGetRotateAndDeleteThroughTheGeneratedClient() throws ApiException {
        String token = DemoUser.ALICE.accessToken();
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceFirst("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        LiveStreamsApi streams = new LiveStreamsApi(client);

        LiveStream created = streams.createLiveStream(new CreateLiveStream().name("generated client").recording(false));
        assertThat(created.getId()).startsWith("ls_");
        assertThat(created.getTenant()).isEqualTo("acme");
        assertThat(created.getStreamKey()).startsWith("sluice_sk_");
        assertThat(created.getStatus()).isEqualTo(LiveStream.StatusEnum.IDLE);

        LiveStream read = streams.getLiveStream(created.getId());
        assertThat(read.getName()).isEqualTo("generated client");
        assertThat(read.getPlaybackId()).isEqualTo(created.getPlaybackId());
        assertThat(read.getStreamKey()).as("a key is shown once").isNull();

        LiveStream rotated = streams.rotateStreamKey(created.getId(), null);
        assertThat(rotated.getStreamKey()).startsWith("sluice_sk_").isNotEqualTo(created.getStreamKey());

        streams.deleteLiveStream(created.getId(), null);
        assertThatThrownBy(() -> streams.getLiveStream(created.getId()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }
}
