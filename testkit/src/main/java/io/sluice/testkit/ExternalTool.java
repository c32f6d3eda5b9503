package io.sluice.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real encoders and servers the tests drive (ffmpeg, ffprobe, gst-launch-1.0, nginx), installed by
 * {@code infra/install-tools.sh}. Without one, a test is skipped on a developer's machine and fails in CI
 * ({@code CI=true}), where a missing tool means a missing install step.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    public static Path require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/sbin"}) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = name + " is not installed; run infra/install-tools.sh";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
