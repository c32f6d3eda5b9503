package io.sluice.auth.storage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A live stream as stored: its settings, the hash of its current key and its registry version. */
@Entity
@Table(name = "live_stream")
public class LiveStreamEntity extends PanacheEntityBase {

    /** The id column's size; an id that does not fit names no stream. */
    public static final int ID_MAX_LENGTH = 40;

    @Id
    @Column(length = ID_MAX_LENGTH)
    public String id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String name;

    public String passthrough;

    /** SHA-256 of the stream key, as {@link io.sluice.events.StreamKeyHash} writes it. */
    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "playback_id", nullable = false)
    public String playbackId;

    @Column(name = "reconnect_window_seconds", nullable = false)
    public int reconnectWindowSeconds;

    @Column(nullable = false)
    public boolean recording;

    @Column(name = "max_continuous_duration_seconds", nullable = false)
    public int maxContinuousDurationSeconds;

    @Column(name = "max_bitrate_kbps", nullable = false)
    public int maxBitrateKbps;

    /** Grows with every change a caller can see; the API's ETag. */
    @Column(nullable = false)
    public long version;

    /** Grows with every change ingest sees; the registry record carries it. */
    @Column(name = "registry_version", nullable = false)
    public long registryVersion;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
