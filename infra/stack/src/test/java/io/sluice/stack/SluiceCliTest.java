package io.sluice.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.stack.component.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SluiceCliTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @TempDir
    Path home;

    @Test
    void portInUseIsOneLineNamingThePortAndTheVariable() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            int code = cli(Map.of("SLUICE_KAFKA_PORT", Integer.toString(port))).run(new String[] {"up", "kafka"});

            assertThat(code).isEqualTo(1);
            assertThat(printed()).contains("sluice: port " + port
                    + " (Kafka) is already in use; set SLUICE_KAFKA_PORT to use another port\n");
            assertThat(printed()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aTakenPortOfALaterComponentStopsUpBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            // Kafka's own ports are free ones, so that only the simulcast port is taken whatever runs here.
            int code = cli(Map.of("SLUICE_SIMULCAST_PORT", Integer.toString(port),
                    "SLUICE_KAFKA_PORT", Integer.toString(Ports.free()),
                    "SLUICE_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free())))
                    .run(new String[] {"up", "kafka", "simulcast"});

            assertThat(code).isEqualTo(1);
            assertThat(printed()).contains("sluice: port " + port
                    + " (simulcast HTTP) is already in use; set SLUICE_SIMULCAST_PORT to use another port\n");
            assertThat(printed()).doesNotContain("kafka      starting");
            assertThat(home.resolve("run/kafka.pid")).doesNotExist();
        }
    }

    @Test
    void unknownComponentIsNamed() {
        int code = cli(Map.of()).run(new String[] {"up", "zookeeper"});

        assertThat(code).isEqualTo(1);
        assertThat(printed()).contains("no component named 'zookeeper'; components: postgres, kafka, keycloak, auth, ingest,"
                + " recording, simulcast, console");
    }

    @Test
    void statusOfAStackNeverStartedShowsEveryComponentStopped() {
        int code = cli(Map.of()).run(new String[] {"status"});

        assertThat(code).isEqualTo(1);
        assertThat(printed()).containsPattern("kafka +stopped").containsPattern("keycloak +stopped")
                .containsPattern("auth +stopped").containsPattern("simulcast +stopped");
    }

    @Test
    void downAndStatusRefuseAComponentNameRatherThanIgnoreIt() {
        assertThat(cli(Map.of()).run(new String[] {"down", "ingest"})).isEqualTo(2);
        assertThat(cli(Map.of()).run(new String[] {"status", "kafka", "auth"})).isEqualTo(2);

        assertThat(printed()).contains("sluice: down acts on the whole stack and takes no component (got: ingest)\n")
                .contains("sluice: status acts on the whole stack and takes no component (got: kafka auth)\n")
                .doesNotContain("stopped; data kept").doesNotContain("COMPONENT");
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(cli(Map.of()).run(new String[] {"launch"})).isEqualTo(2);
        assertThat(cli(Map.of()).run(new String[] {})).isEqualTo(2);
        assertThat(cli(Map.of()).run(new String[] {"test-stack", "sideways"})).isEqualTo(2);
        assertThat(printed()).contains("usage: sluice <command>");
    }

    private SluiceCli cli(Map<String, String> environment) {
        return new SluiceCli(new PrintStream(output, true, StandardCharsets.UTF_8), Checkout.root(), home, environment);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
