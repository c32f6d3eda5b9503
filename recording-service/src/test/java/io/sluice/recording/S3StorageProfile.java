package io.sluice.recording;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.sluice.recording.objects.S3MockServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The service with its recordings in a real S3-compatible server (S3Mock, a process of its own) instead of files. */
public final class S3StorageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Starts S3Mock before the service and stops it after; the tests reach it through {@link #server()}. */
    public static final class Server implements QuarkusTestResourceLifecycleManager {

        private static volatile S3MockServer server;

        /** The running server. */
        public static S3MockServer server() {
            return server;
        }

        @Override
        public Map<String, String> start() {
            try {
                server = S3MockServer.start(Duration.ofSeconds(180));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return Map.of("sluice.recording.storage.type", "s3",
                    "sluice.recording.storage.s3.endpoint", server.endpoint().toString(),
                    "sluice.recording.storage.s3.bucket", S3MockServer.BUCKET,
                    "sluice.recording.storage.s3.access-key-id", "test-key",
                    "sluice.recording.storage.s3.secret-access-key", "test-secret",
                    "sluice.recording.storage.s3.timeout", "2s");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
