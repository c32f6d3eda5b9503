package io.sluice.media.amf;

/**
 * Date type (0x0B): milliseconds since the Unix epoch (UTC) as a double, followed by a signed 16-bit time
 * zone offset in minutes that the specification reserves (should be zero) but some encoders fill in.
 */
public record Amf0Date(double epochMillis, short timeZoneMinutes) implements Amf0Value {
}
