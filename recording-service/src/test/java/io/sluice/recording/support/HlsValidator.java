package io.sluice.recording.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.testkit.ExternalTool;
import io.sluice.testkit.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two independent HLS parsers from npm, pinned in {@code src/test/hls-validator} and installed by
 * {@code infra/install-tools.sh}: hls-parser in strict mode and video.js's m3u8-parser, whose warnings count as
 * errors. A playlist must pass both. Without Node.js or the packages, a test is skipped on a developer's machine
 * and fails in CI.
 */
public final class HlsValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HlsValidator() {
    }

    /** Checks {@code playlist} and returns the parsers' summary of it (segments, parts, server control, ...). */
    public static JsonNode validate(String playlist) {
        Path folder = TestStack.root().resolve("recording-service/src/test/hls-validator");
        if (!Files.isDirectory(folder.resolve("node_modules/hls-parser"))
                || !Files.isDirectory(folder.resolve("node_modules/m3u8-parser"))) {
            ExternalTool.require("hls-parser and m3u8-parser (npm ci in " + folder + ")");
        }
        Path node = ExternalTool.require("node");
        try {
            Path file = Files.createTempFile("playlist-", ".m3u8");
            try {
                Files.writeString(file, playlist, StandardCharsets.UTF_8);
                Process process = new ProcessBuilder(node.toString(), folder.resolve("validate.mjs").toString(),
                        file.toString()).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(output).isZero();
                JsonNode result = JSON.readTree(output);
                assertThat(result.get("errors")).as("errors in\n%s", playlist).isEmpty();
                assertThat(result.get("warnings")).as("warnings in\n%s", playlist).isEmpty();
                return result.get("summary");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
