package io.sluice.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

    @Test
    void perAddressAtNMinusOneNAndNPlusOne() {
        ConnectionLimits limits = new ConnectionLimits(100, 3, 2);
        assertThat(limits.tryOpen("a")).isEmpty();
        assertThat(limits.tryOpen("a")).as("N - 1 open").isEmpty();
        assertThat(limits.tryOpen("a")).as("the Nth").isEmpty();
        assertThat(limits.tryOpen("a")).as("N + 1").contains("too_many_connections_per_address");
        assertThat(limits.tryOpen("b")).isEmpty();
    }

    @Test
    void inAllAtNMinusOneNAndNPlusOne() {
        ConnectionLimits limits = new ConnectionLimits(3, 10, 2);
        assertThat(limits.tryOpen("a")).isEmpty();
        assertThat(limits.tryOpen("b")).isEmpty();
        assertThat(limits.tryOpen("c")).isEmpty();
        assertThat(limits.tryOpen("d")).contains("too_many_connections");
    }

    @Test
    void closingFreesTheSlot() {
        ConnectionLimits limits = new ConnectionLimits(1, 1, 2);
        assertThat(limits.tryOpen("a")).isEmpty();
        limits.close("a");
        assertThat(limits.tryOpen("a")).as("the slot in all and the address's").isEmpty();
        limits.close("unknown");
        assertThat(limits.tryOpen("b")).as("closing what was never open frees nothing").contains("too_many_connections");
    }

    @Test
    void tlsHandshakesPerAddressAtNMinusOneNAndNPlusOne() {
        ConnectionLimits limits = new ConnectionLimits(100, 100, 3);
        assertThat(limits.tryBeginHandshake("a")).isEmpty();
        assertThat(limits.tryBeginHandshake("a")).as("N - 1 in progress").isEmpty();
        assertThat(limits.tryBeginHandshake("a")).as("the Nth").isEmpty();
        assertThat(limits.tryBeginHandshake("a")).as("N + 1").contains("too_many_tls_handshakes_per_address");
        assertThat(limits.tryBeginHandshake("b")).as("another address").isEmpty();
        limits.endHandshake("a");
        assertThat(limits.tryBeginHandshake("a")).as("a finished handshake frees its slot").isEmpty();
    }
}
