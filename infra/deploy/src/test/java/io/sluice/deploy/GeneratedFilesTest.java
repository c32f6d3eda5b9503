package io.sluice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every generated deployment file holds what its source makes of it today. */
class GeneratedFilesTest {

    @Test
    void everyGeneratedFileIsUpToDate() throws IOException {
        for (Map.Entry<Path, String> file : GeneratedFiles.render(Checkout.ROOT).entrySet()) {
            Path path = Checkout.ROOT.resolve(file.getKey());
            assertThat(path).as(file.getKey() + " is missing; write it with infra/deploy's DeployManifests").isRegularFile();
            assertThat(Files.readString(path))
                    .as(file.getKey() + " differs from its source; write it again with: ./mvnw -B -q -DskipTests -pl infra/deploy -am package"
                            + " && java -jar infra/deploy/target/sluice-deploy-*-cli.jar")
                    .isEqualTo(file.getValue());
        }
    }
}
