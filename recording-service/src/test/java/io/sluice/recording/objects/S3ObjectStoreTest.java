package io.sluice.recording.objects;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 backend against a real S3-compatible server (S3Mock), never a mock of the SDK. */
class S3ObjectStoreTest extends ObjectStoreContract {

    private static S3MockServer server;
    private static S3ObjectStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3MockServer.start(Duration.ofSeconds(180));
        store = server.store(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Test
    void aStoreNobodyAnswersAtIsUnavailable() {
        S3ObjectStore away = new S3ObjectStore(java.net.URI.create("http://127.0.0.1:9"), "us-east-1", "recordings",
                "k", "s", Duration.ofSeconds(2));

        assertThatThrownBy(() -> away.put("t/s/r/seg-1.m4s", new byte[] {1})).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(away::probe).isInstanceOf(StoreUnavailableException.class);
    }
}
