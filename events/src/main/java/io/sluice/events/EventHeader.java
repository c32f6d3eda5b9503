package io.sluice.events;

import java.nio.charset.StandardCharsets;

/** A Kafka record header, without depending on the Kafka client. */
public record EventHeader(String key, byte[] value) {

    public static EventHeader of(String key, String value) {
        return new EventHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
