package io.sluice.recording.objects;

import io.sluice.recording.config.RecordingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** The object store the configuration names. */
@ApplicationScoped
public class ObjectStoreProducer {

    private static final Logger LOG = Logger.getLogger(ObjectStoreProducer.class);

    @Produces
    @ApplicationScoped
    ObjectStore store(RecordingConfig config) {
        RecordingConfig.Storage storage = config.storage();
        ObjectStore store = switch (storage.type()) {
            case FILESYSTEM -> new FileSystemObjectStore(Path.of(storage.directory()));
            case S3 -> new S3ObjectStore(
                    storage.s3().endpoint().orElseThrow(() -> missing("endpoint")),
                    storage.s3().region(),
                    storage.s3().bucket().orElseThrow(() -> missing("bucket")),
                    storage.s3().accessKeyId().orElseThrow(() -> missing("access-key-id")),
                    storage.s3().secretAccessKey().orElseThrow(() -> missing("secret-access-key")),
                    storage.s3().timeout());
        };
        LOG.infof("Recordings are stored in %s", store.describe());
        return store;
    }

    private static IllegalStateException missing(String key) {
        return new IllegalStateException("sluice.recording.storage.s3." + key + " must be set for the s3 storage type");
    }
}
