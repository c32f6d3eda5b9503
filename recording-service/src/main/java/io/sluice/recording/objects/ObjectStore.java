package io.sluice.recording.objects;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where recordings are kept: a flat space of keys ({@link ObjectKeys} lays them out) holding immutable
 * objects. Two backends: the local filesystem and S3-compatible object storage.
 *
 * <p>{@link #put} returns only once the object is durable (on disk, fsynced and renamed into place; or
 * acknowledged by the object store), which is what lets the media consumer commit the Kafka offsets of what it
 * holds. Every method throws {@link StoreUnavailableException} when the store cannot be used right now (disk
 * full, object store away), which the caller answers by waiting and trying again.
 */
public interface ObjectStore {

    /** Stores {@code data} under {@code key}, replacing what was there; durable when it returns. */
    void put(String key, byte[] data);

    /**
     * Stores every object of {@code objects} (key to bytes), each replacing what was there; all are durable when it
     * returns. This is how a round of recording stores its objects: a backend makes the group durable at a cost
     * that does not grow with the number of objects the way one {@link #put} after the other would. When it
     * throws, any of the objects may be stored or not, each entirely or not at all.
     */
    void putAll(Map<String, byte[]> objects);

    /** The object's size, or empty when there is none. */
    OptionalLong size(String key);

    /** {@code length} bytes of the object from {@code offset}; the caller closes the stream. */
    InputStream open(String key, long offset, long length);

    /** The whole object. */
    byte[] read(String key);

    /** Deletes the objects; a missing one is not an error. */
    void delete(Collection<String> keys);

    /** Deletes every object whose key starts with {@code prefix}. */
    void deletePrefix(String prefix);

    /** Fails with {@link StoreUnavailableException} unless the store can be written now. */
    void probe();

    /** Where the objects are, for logs and health: a folder or an endpoint and bucket. */
    String describe();
}
