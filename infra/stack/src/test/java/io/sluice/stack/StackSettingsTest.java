package io.sluice.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private final Path home = Path.of("/tmp/sluice-settings-test");

    @Test
    void defaultsComeFromInfraConfig() {
        StackSettings settings = StackSettings.load(Checkout.root(), home, StackSettings.Mode.LOCAL, Map.of());

        assertThat(settings.port("kafka.port")).isEqualTo(9092);
        assertThat(settings.port("keycloak.port")).isEqualTo(8180);
        assertThat(settings.port("auth.port")).isEqualTo(8080);
        assertThat(settings.port("ingest.rtmps-port")).isEqualTo(1936);
    }

    @Test
    void environmentVariablesOverrideEachKey() {
        StackSettings settings = StackSettings.load(Checkout.root(), home, StackSettings.Mode.LOCAL,
                Map.of("SLUICE_KAFKA_PORT", "19092", "SLUICE_POSTGRES_ADMIN_USER", "owner"));

        assertThat(settings.port("kafka.port")).isEqualTo(19092);
        assertThat(settings.get("postgres.admin-user")).isEqualTo("owner");
        assertThat(StackSettings.environmentVariable("ingest.rtmps-port")).isEqualTo("SLUICE_INGEST_RTMPS_PORT");
    }

    @Test
    void jvmOptionsAreWordsAndMayBeNone() {
        StackSettings settings = StackSettings.load(Checkout.root(), home, StackSettings.Mode.LOCAL,
                Map.of("SLUICE_KAFKA_JVM_OPTIONS", "  -Xms512m   -XX:+UseZGC ", "SLUICE_SERVICE_JVM_OPTIONS", " "));

        assertThat(settings.words("kafka.jvm-options")).containsExactly("-Xms512m", "-XX:+UseZGC");
        assertThat(settings.words("service.jvm-options")).isEmpty();
    }

    @Test
    void aPortThatIsNoPortNamesItsVariable() {
        StackSettings settings = StackSettings.load(Checkout.root(), home, StackSettings.Mode.LOCAL,
                Map.of("SLUICE_AUTH_PORT", "80800"));

        assertThatThrownBy(() -> settings.port("auth.port"))
                .isInstanceOf(StackException.class)
                .hasMessage("auth.port must be a TCP port, not '80800' (set SLUICE_AUTH_PORT)");
    }
}
