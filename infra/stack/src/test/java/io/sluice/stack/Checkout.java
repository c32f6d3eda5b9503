package io.sluice.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: its infra/config is the real one. */
final class Checkout {

    private Checkout() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/config/stack.properties"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the checkout");
    }
}
