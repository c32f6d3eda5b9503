package io.sluice.media.amf;

/** Date type (0x08): milliseconds since the Unix epoch in UTC; AMF3 carries no time zone. */
public record Amf3Date(double epochMillis) implements Amf3Value {
}
