package io.sluice.recording.objects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3-compatible object store (AWS S3, MinIO, Ceph, ...), path-style, at any endpoint. A put is
 * durable once the store acknowledged it; S3 replaces an object atomically, so a reader sees the old or the new
 * object, never a mix.
 */
public final class S3ObjectStore implements ObjectStore {

    /** DeleteObjects takes at most this many keys. */
    private static final int DELETE_BATCH = 1000;
    /** Puts of a group in flight at once: each waits for its own round trip. */
    private static final int PARALLEL_PUTS = 32;

    private final S3Client client;
    private final String bucket;
    private final String endpoint;
    private final ParallelWrites parallel = new ParallelWrites(PARALLEL_PUTS);

    public S3ObjectStore(URI endpoint, String region, String bucket, String accessKeyId, String secretAccessKey,
            Duration timeout) {
        this.bucket = bucket;
        this.endpoint = endpoint.toString();
        this.client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build())
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId,
                        secretAccessKey)))
                .build();
    }

    @Override
    public void put(String key, byte[] data) {
        try {
            client.putObject(request -> request.bucket(bucket).key(key).contentLength((long) data.length),
                    RequestBody.fromBytes(data));
        } catch (SdkException e) {
            throw unavailable("cannot write " + key, e);
        }
    }

    @Override
    public void putAll(Map<String, byte[]> objects) {
        try {
            parallel.each(objects.entrySet(), object -> put(object.getKey(), object.getValue()));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot write " + objects.size() + " objects: " + e, e);
        }
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(client.headObject(request -> request.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw unavailable("cannot read " + key, e);
        } catch (SdkException e) {
            throw unavailable("cannot read " + key, e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        try {
            return client.getObject(request -> request.bucket(bucket).key(key)
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (NoSuchKeyException e) {
            throw new UncheckedIOException("no object " + key, new java.io.FileNotFoundException(key));
        } catch (SdkException e) {
            throw unavailable("cannot read " + key, e);
        }
    }

    @Override
    public byte[] read(String key) {
        try {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new UncheckedIOException("no object " + key, new java.io.FileNotFoundException(key));
        } catch (SdkException e) {
            throw unavailable("cannot read " + key, e);
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            try {
                client.deleteObjects(request -> request.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
            } catch (SdkException e) {
                throw unavailable("cannot delete " + batch.size() + " objects", e);
            }
        }
    }

    @Override
    public void deletePrefix(String prefix) {
        try {
            List<String> keys = new ArrayList<>();
            for (S3Object object : client.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(prefix).build()).contents()) {
                keys.add(object.key());
            }
            delete(keys);
        } catch (SdkException e) {
            throw unavailable("cannot delete " + prefix, e);
        }
    }

    @Override
    public void probe() {
        try {
            client.headBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            throw unavailable("bucket " + bucket + " at " + endpoint + " is not reachable", e);
        }
    }

    @Override
    public String describe() {
        return endpoint + " bucket " + bucket;
    }

    private static StoreUnavailableException unavailable(String what, SdkException e) {
        return new StoreUnavailableException(what + ": " + e.getMessage(), e);
    }
}
