package io.sluice.loadgen.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The settings a topic was given, as opposed to those it takes from the broker's defaults. A broker's own
 * work for a topic depends on them: how often it rolls a segment, which flushes the one it closes to disk
 * (on ext4, a stall for the broker's writes to other partitions meanwhile), and how often it deletes one. A
 * floor measured on a topic with other settings than the ingest's meets other stalls.
 */
final class TopicSettings {

    private static final long TIMEOUT_SECONDS = 30;

    private TopicSettings() {
    }

    /** The entries of {@code config} set on the topic itself, by name. */
    static Map<String, String> ownEntries(Config config) {
        Map<String, String> own = new TreeMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && entry.value() != null) {
                own.put(entry.name(), entry.value());
            }
        }
        return own;
    }

    /** The settings {@code topic} was given, or nothing when the broker has no such topic. */
    static Optional<Map<String, String>> of(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
            return Optional.of(ownEntries(config));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Makes {@code topic} with {@code settings}, or gives them to it when it is there already (and takes away
     * any other setting it was given before), so that it ends with exactly these.
     */
    static void apply(Admin admin, String topic, int partitions, Map<String, String> settings) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(settings)))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            List<AlterConfigOp> changes = new ArrayList<>();
            settings.forEach((name, value) -> changes.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)));
            of(admin, topic).orElse(Map.of()).keySet().stream()
                    .filter(name -> !settings.containsKey(name))
                    .forEach(name -> changes.add(new AlterConfigOp(new ConfigEntry(name, null), AlterConfigOp.OpType.DELETE)));
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), changes))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
