package io.sluice.stack.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.stack.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicDefinitionTest {

    @TempDir
    Path dir;

    @Test
    void theContractTopicsAreDefined() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("infra/config/topics.conf"))) {
            root = root.getParent();
        }
        Map<String, TopicDefinition> topics = TopicDefinition.load(root.resolve("infra/config/topics.conf")).stream()
                .collect(Collectors.toMap(TopicDefinition::name, t -> t));

        assertThat(topics).containsOnlyKeys("sluice.media.v1", "sluice.sessions.v1", "sluice.stream-keys.v1",
                "sluice.recordings.v1", "sluice.simulcast.v1");
        assertThat(topics.get("sluice.stream-keys.v1").configs()).containsEntry("cleanup.policy", "compact");
        // The largest RTMP message (2^24 - 1 bytes) plus record overhead must fit.
        assertThat(Integer.parseInt(topics.get("sluice.media.v1").configs().get("max.message.bytes")))
                .isGreaterThan((1 << 24) - 1 + 1024);
    }

    @Test
    void malformedLinesNameTheirPlace() throws IOException {
        Path file = dir.resolve("topics.conf");
        Files.write(file, List.of("# comment", "", "good 3 a=b", "bad three"));

        assertThatThrownBy(() -> TopicDefinition.load(file))
                .isInstanceOf(StackException.class)
                .hasMessageEndingWith("topics.conf:4: partitions must be a number, not 'three'");
    }
}
