package io.sluice.stack.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ports the system hands out as the local end of outgoing connections ({@code net.ipv4.ip_local_port_range}
 * on Linux); Linux's default where the setting cannot be read.
 */
record EphemeralRange(int first, int last) {

    static final Path SETTING = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    static final EphemeralRange LINUX_DEFAULT = new EphemeralRange(32768, 60999);

    static EphemeralRange read() {
        return read(SETTING);
    }

    static EphemeralRange read(Path setting) {
        try {
            String[] bounds = Files.readString(setting).trim().split("\\s+");
            int first = Integer.parseInt(bounds[0]);
            int last = Integer.parseInt(bounds[1]);
            // A range that leaves no room below it for test ports is treated as the default.
            return first > Ports.FIRST_DRAWN + 1000 && last >= first ? new EphemeralRange(first, last) : LINUX_DEFAULT;
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT;
        }
    }
}
