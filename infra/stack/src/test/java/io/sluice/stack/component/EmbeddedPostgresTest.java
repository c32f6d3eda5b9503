package io.sluice.stack.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.stack.Stack;
import io.sluice.stack.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine with no PostgreSQL at the configured address gets an embedded one, from the binaries Maven
 * fetched, with the service databases; down stops exactly that server.
 */
class EmbeddedPostgresTest {

    @TempDir
    Path home;

    @Test
    void startsCreatesTheDatabasesAndStopsAgain() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("infra/config/stack.properties"))) {
            root = root.getParent();
        }
        int port = Ports.free();
        Stack stack = Stack.forTests(root, home, Map.of("SLUICE_POSTGRES_PORT", Integer.toString(port)));
        PostgresServer postgres = stack.postgres();
        try {
            postgres.up();

            ComponentStatus status = postgres.status();
            assertThat(status.state()).isEqualTo(ComponentStatus.State.HEALTHY);
            assertThat(status.detail()).startsWith("embedded");
            StackEndpoints.Database auth = stack.endpoints().database("auth");
            try (Connection connection = DriverManager.getConnection(auth.jdbcUrl(), auth.user(), auth.password());
                    ResultSet rows = connection.createStatement().executeQuery("select current_database(), current_user")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).startsWith("sluice_auth_t");
                assertThat(rows.getString(2)).isEqualTo("sluice_auth");
            }
            Optional<ProcessHandle> postmaster = ProcessHandle.of(status.pid());
            assertThat(postmaster).isPresent();

            postgres.down();

            assertThat(postmaster.get().onExit()).succeedsWithin(Duration.ofSeconds(10));
            assertThat(postgres.status().state()).isEqualTo(ComponentStatus.State.STOPPED);
            assertThat(Ports.accepts("127.0.0.1", port)).isFalse();
        } finally {
            postgres.down();
        }
    }
}
