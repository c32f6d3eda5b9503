package io.sluice.recording.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Recording events waiting to be published, written in the same transaction as the change they tell of; the
 * relay publishes them in id order and deletes them once Kafka has them.
 */
@ApplicationScoped
public class OutboxRepository {

    private static final JsonFactory JSON = new JsonFactory();

    /** One waiting record: key, value and headers exactly as they go to Kafka. */
    public record OutboxRecord(long id, String streamId, byte[] value, Map<String, String> headers, Instant createdAt) {
    }

    private final Jdbc jdbc;

    OutboxRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public void append(String streamId, byte[] value, Map<String, String> headers) {
        jdbc.update("insert into recording_outbox (stream_id, record_value, record_headers, created_at)"
                + " values (?, ?, cast(? as jsonb), now())", s -> {
                    s.setString(1, streamId);
                    s.setBytes(2, value);
                    s.setString(3, json(headers));
                });
    }

    public List<OutboxRecord> oldest(int limit) {
        return jdbc.query("select id, stream_id, record_value, record_headers::text, created_at from recording_outbox"
                + " order by id limit ?", s -> s.setInt(1, limit), row -> new OutboxRecord(row.getLong(1),
                        row.getString(2), row.getBytes(3), headers(row.getString(4)), Jdbc.instant(row, "created_at")));
    }

    /**
     * Deletes the records with these ids: they are on Kafka. By id, never by range: a transaction that commits late
     * can leave a lower id behind a higher one, and it is not published yet.
     */
    public int delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from recording_outbox where id = any(?)", s -> s.setArray(1,
                s.getConnection().createArrayOf("bigint", ids.toArray())));
    }

    public long pending() {
        return jdbc.one("select count(*) from recording_outbox", s -> { }, row -> row.getLong(1)).orElse(0L);
    }

    private static String json(Map<String, String> headers) {
        try (StringWriter text = new StringWriter(); JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            for (Map.Entry<String, String> header : headers.entrySet()) {
                out.writeStringField(header.getKey(), header.getValue());
            }
            out.writeEndObject();
            out.flush();
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> headers(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        try (JsonParser in = JSON.createParser(json)) {
            in.nextToken();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                headers.put(name, in.getText());
            }
            return headers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
