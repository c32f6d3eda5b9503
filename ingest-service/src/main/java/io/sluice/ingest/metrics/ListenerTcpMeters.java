package io.sluice.ingest.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Turns off Vert.x's per-server TCP meters ({@code tcp_bytes_read}, {@code tcp_active_connections}, ...).
 * On the RTMP listeners they recorded into a distribution summary on every socket read, through the
 * composite registry, to say what {@code sluice_ingest_bytes_in_total{protocol}} and
 * {@code sluice_ingest_connections_open{protocol}} already say. A denied meter is a no-op where Vert.x
 * records into it. The HTTP side's {@code http_server_*} meters stay.
 */
public class ListenerTcpMeters {

    private static final String PREFIX = "tcp.";

    @Produces
    @Singleton
    MeterFilter withoutTcpMeters() {
        return MeterFilter.denyNameStartsWith(PREFIX);
    }
}
