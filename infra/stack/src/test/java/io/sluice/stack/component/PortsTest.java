package io.sluice.stack.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {

    @Test
    void aDrawnPortIsFreeAndNeverOneTheSystemGivesToClientConnections() throws IOException {
        EphemeralRange ephemeral = EphemeralRange.read();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(Ports.FIRST_DRAWN, ephemeral.first() - 1);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            }
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotFree() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            assertThat(Ports.isFree(socket.getLocalPort())).isFalse();
        }
    }

    @Test
    void theRangeIsReadFromTheSystemSettingOrDefaultsToLinuxs(@TempDir Path dir) throws IOException {
        assertThat(EphemeralRange.read(Files.writeString(dir.resolve("range"), "40000\t65000\n")))
                .isEqualTo(new EphemeralRange(40000, 65000));
        assertThat(EphemeralRange.read(dir.resolve("absent"))).isEqualTo(EphemeralRange.LINUX_DEFAULT);
        assertThat(EphemeralRange.read(Files.writeString(dir.resolve("low"), "1024 65535")))
                .as("no room below it").isEqualTo(EphemeralRange.LINUX_DEFAULT);
    }
}
