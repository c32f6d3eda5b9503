package io.sluice.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.testkit.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository the tests check, and the tools (kubectl, docker compose) they run on its files. */
final class Checkout {

    static final Path ROOT = Path.of(System.getProperty("sluice.root", "../..")).toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Checkout() {
    }

    /** {@code kubectl kustomize} of a folder under infra/k8s, one node per object. */
    static List<JsonNode> kustomize(String folder) {
        Path kubectl = ExternalTool.require("kubectl");
        return yamlDocuments(run(List.of(kubectl.toString(), "kustomize", ROOT.resolve("infra/k8s").resolve(folder).toString())));
    }

    /**
     * {@code docker compose config} of infra/compose/compose.yaml: the compose plugin of the docker client where
     * it has one, Debian's docker-compose otherwise. Neither needs a container engine for this.
     */
    static JsonNode composeConfig() {
        Path file = ROOT.resolve("infra/compose/compose.yaml");
        List<String> command = composePlugin()
                ? List.of("docker", "compose", "-f", file.toString(), "config")
                : List.of(ExternalTool.require("docker-compose").toString(), "-f", file.toString(), "config");
        return yamlDocuments(run(command)).getFirst();
    }

    private static boolean composePlugin() {
        try {
            Process process = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<JsonNode> yamlDocuments(String text) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(text)) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                    if (node != null && !node.isNull() && !node.isEmpty()) {
                        documents.add(node);
                    }
                });
            }
            return documents;
        } catch (IOException e) {
            throw new AssertionError("not YAML: " + e.getMessage(), e);
        }
    }
}
