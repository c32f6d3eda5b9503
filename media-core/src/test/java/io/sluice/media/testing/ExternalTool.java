package io.sluice.media.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real programs the integration tests drive (installed by infra/install-tools.sh). A missing one
 * skips the test with a message, except in CI ({@code CI=true}), where it fails it: CI must run them.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The program on the PATH or in one of {@code extraDirectories}. */
    public static Path require(String program, String... extraDirectories) {
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> directories = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        directories.addAll(List.of(extraDirectories));
        Optional<Path> found = directories.stream().filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
        return found.orElseGet(() -> missing(program + " (run infra/install-tools.sh)"));
    }

    /** The first of {@code candidates} that exists. */
    public static Path requireFile(String what, List<Path> candidates) {
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseGet(() -> missing(what + " in " + candidates));
    }

    private static <T> T missing(String what) {
        if ("true".equals(System.getenv("CI"))) {
            return fail("required tool missing in CI: " + what);
        }
        Assumptions.abort("skipped, not installed: " + what + "; with CI=true this fails instead");
        throw new AssertionError("unreachable");
    }
}
