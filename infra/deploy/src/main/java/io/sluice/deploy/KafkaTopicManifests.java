package io.sluice.deploy;

import io.sluice.stack.provision.TopicDefinition;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One Strimzi {@code KafkaTopic} per topic of {@code infra/config/topics.conf}, the topics the local stack
 * creates: the same names, partitions and settings. Replicas are the base's: three brokers.
 */
final class KafkaTopicManifests {

    static final String CLUSTER = "sluice";
    static final int REPLICAS = 3;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

    private KafkaTopicManifests() {
    }

    static String render(List<TopicDefinition> topics) {
        StringBuilder yaml = new StringBuilder("""
                # Generated from infra/config/topics.conf by infra/deploy (DeployManifests): change the topics there, then
                # run it. The Strimzi topic operator creates and updates the topics of the Kafka cluster "sluice".
                """);
        for (TopicDefinition topic : topics) {
            yaml.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(resourceName(topic.name())).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(CLUSTER).append('\n')
                    .append("spec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(topic.partitions()).append('\n')
                    .append("  replicas: ").append(REPLICAS).append('\n');
            if (!topic.configs().isEmpty()) {
                yaml.append("  config:\n");
                topic.configs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> yaml.append("    ").append(e.getKey()).append(": ").append(value(e.getValue())).append('\n'));
            }
        }
        return yaml.toString();
    }

    /** Kubernetes names are DNS labels: {@code sluice.media.v1} is {@code sluice-media-v1}. */
    static String resourceName(String topic) {
        return topic.replace('.', '-').replace('_', '-');
    }

    /** Numbers as numbers (as Kafka reads them), everything else as a quoted string. */
    private static String value(String raw) {
        return NUMBER.matcher(raw).matches() ? raw : "\"" + raw.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
