package io.sluice.stack.provision;

import io.sluice.stack.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic of the Kafka contract, as written in {@code infra/config/topics.conf}: one line per topic,
 * {@code name partitions key=value ...}.
 */
public record TopicDefinition(String name, int partitions, Map<String, String> configs) {

    public TopicDefinition {
        configs = Map.copyOf(configs);
    }

    public static List<TopicDefinition> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage());
        }
        List<TopicDefinition> topics = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            topics.add(parse(line, file + ":" + (i + 1)));
        }
        return List.copyOf(topics);
    }

    private static TopicDefinition parse(String line, String where) {
        String[] fields = line.split("\\s+");
        if (fields.length < 2) {
            throw new StackException(where + ": expected 'name partitions [key=value ...]'");
        }
        int partitions;
        try {
            partitions = Integer.parseInt(fields[1]);
        } catch (NumberFormatException e) {
            throw new StackException(where + ": partitions must be a number, not '" + fields[1] + "'");
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (int f = 2; f < fields.length; f++) {
            int eq = fields[f].indexOf('=');
            if (eq <= 0) {
                throw new StackException(where + ": expected key=value, not '" + fields[f] + "'");
            }
            configs.put(fields[f].substring(0, eq), fields[f].substring(eq + 1));
        }
        return new TopicDefinition(fields[0], partitions, configs);
    }
}
