package io.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly's linter ({@code @redocly/cli}, pinned in {@code infra/openapi-lint/package-lock.json} and installed
 * there by {@code infra/install-tools.sh}) with the rules of {@code infra/openapi-lint/redocly.yaml}: Redocly's
 * recommended set. An API description passes when the linter reports neither an error nor a warning. Without
 * Node.js or the package, a test is skipped on a developer's machine and fails in CI.
 */
public final class RedoclyLint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RedoclyLint() {
    }

    /** Fails with every problem the linter finds in {@code document} (an OpenAPI or AsyncAPI file). */
    public static void check(Path document) {
        List<String> problems = problems(document);
        if (!problems.isEmpty()) {
            throw new AssertionError("redocly lint found " + problems.size() + " problems in " + document + ":\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Each error and warning as {@code severity rule pointer: message}; empty when the document passes. */
    public static List<String> problems(Path document) {
        Path folder = TestStack.root().resolve("infra/openapi-lint");
        Path cli = folder.resolve("node_modules/@redocly/cli/bin/cli.js");
        if (!Files.isRegularFile(cli)) {
            ExternalTool.require("@redocly/cli (npm ci in " + folder + ")");
        }
        Path node = ExternalTool.require("node");
        try {
            Path output = Files.createTempFile("redocly-", ".json");
            try {
                ProcessBuilder lint = new ProcessBuilder(node.toString(), cli.toString(), "lint",
                        "--config", folder.resolve("redocly.yaml").toString(), "--format", "json", document.toString())
                        .redirectOutput(output.toFile())
                        .redirectErrorStream(false);
                // No usage reports to Redocly from a build, and no update notice in its output.
                lint.environment().put("REDOCLY_TELEMETRY", "off");
                lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
                lint.redirectError(ProcessBuilder.Redirect.DISCARD);
                Process process = lint.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("redocly lint did not finish within 120 s");
                }
                String report = Files.readString(output, StandardCharsets.UTF_8);
                if (report.isBlank()) {
                    throw new AssertionError("redocly lint wrote no report (exit " + process.exitValue() + ")");
                }
                return problemsOf(JSON.readTree(report));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> problemsOf(JsonNode report) {
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            String severity = problem.path("severity").asText();
            if (severity.equals("error") || severity.equals("warn") || severity.equals("warning")) {
                String pointer = problem.path("location").path(0).path("pointer").asText();
                problems.add(severity + " " + problem.path("ruleId").asText() + " " + pointer + ": "
                        + problem.path("message").asText());
            }
        }
        JsonNode totals = report.path("totals");
        if (problems.isEmpty() && (totals.path("errors").asInt() > 0 || totals.path("warnings").asInt() > 0)) {
            problems.add("totals " + totals);
        }
        return problems;
    }
}
