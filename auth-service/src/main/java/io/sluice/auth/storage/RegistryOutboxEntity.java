package io.sluice.auth.storage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A registry record waiting to be published, written in the same transaction as the change it describes.
 *
 * <p>The id is an identity column, so the row gets its id when it is inserted, which the writer does only
 * after it holds the stream's row lock: changes of one stream therefore get increasing ids in commit order,
 * and the relay, publishing by id, keeps each stream's records in order.
 */
@Entity
@Table(name = "registry_outbox")
public class RegistryOutboxEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "stream_id", nullable = false)
    public String streamId;

    /** The record value; {@code null} for a tombstone. */
    @Column(name = "record_value")
    public byte[] recordValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "record_headers", nullable = false)
    public Map<String, String> recordHeaders;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
