package io.sluice.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstanceIdTest {

    @Test
    void aConfiguredIdComesFirst() {
        assertThat(InstanceId.resolve(Optional.of("ingest-7"), Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1",
                "HOSTNAME", "ingest-0"), "host", new Random(1))).isEqualTo("ingest-7");
    }

    @Test
    void onKubernetesThePodName() {
        assertThat(InstanceId.resolve(Optional.empty(), Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "HOSTNAME", "ingest-0"),
                "ignored", new Random(1))).isEqualTo("ingest-0");
    }

    @Test
    void elsewhereTheHostNameWithASuffixOfItsOwnPerProcess() {
        String first = InstanceId.resolve(Optional.empty(), Map.of("HOSTNAME", "box"), "box", new Random(1));
        String second = InstanceId.resolve(Optional.of(" "), Map.of(), "box", new Random(2));

        assertThat(first).matches("box-[a-z0-9]{6}");
        assertThat(second).matches("box-[a-z0-9]{6}").isNotEqualTo(first);
    }
}
