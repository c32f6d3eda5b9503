package io.sluice.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the generated deployment files ({@link GeneratedFiles}) and names those that changed. Run it after
 * changing a source (the topics file, the realm, a service's Kubernetes settings) and building:
 * <pre>./mvnw -B -q -DskipTests -pl infra/deploy -am package &amp;&amp; java -jar infra/deploy/target/sluice-deploy-*-cli.jar</pre>
 * The deploy module's tests fail while a generated file differs from what this would write.
 */
public final class DeployManifests {

    private DeployManifests() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getenv().getOrDefault("SLUICE_ROOT", ".")).toAbsolutePath().normalize();
        int changed = 0;
        for (Map.Entry<Path, String> file : GeneratedFiles.render(root).entrySet()) {
            Path target = root.resolve(file.getKey());
            if (Files.isRegularFile(target) && Files.readString(target).equals(file.getValue())) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
            System.out.println("wrote " + file.getKey());
            changed++;
        }
        System.out.println(changed == 0 ? "every generated deployment file is up to date" : changed + " file(s) written");
    }
}
