package io.sluice.stack.component;

import io.sluice.stack.StackException;
import io.sluice.stack.StackSettings;
import io.sluice.stack.process.LogTail;
import io.sluice.stack.process.ManagedProcess;
import io.sluice.stack.provision.TopicDefinition;
import io.sluice.stack.provision.TopicProvisioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run from the jars Maven
 * fetched for {@code infra/runtime}, with the topics of {@code infra/config/topics.conf}.
 */
public final class KafkaBroker implements Component {

    /** 16 MiB + 64 KiB: RTMP's largest message plus record overhead, as in topics.conf. */
    static final String MAX_MESSAGE_BYTES = "16842752";

    private final StackSettings settings;
    private final ManagedProcess process;
    private final Path dir;

    public KafkaBroker(StackSettings settings) {
        this.settings = settings;
        this.process = new ManagedProcess("kafka", settings.runDir(), settings.logDir());
        this.dir = settings.home().resolve("kafka");
    }

    @Override
    public String name() {
        return "kafka";
    }

    public String bootstrapServers() {
        return "localhost:" + settings.port("kafka.port");
    }

    @Override
    public void requirePortsFree() {
        if (process.running().isEmpty()) {
            Ports.requireFree(settings, "kafka.port", "Kafka");
            Ports.requireFree(settings, "kafka.controller.port", "Kafka controller");
        }
    }

    @Override
    public void up() {
        if (process.running().isEmpty()) {
            requirePortsFree();
            prepare();
            List<String> command = new ArrayList<>(List.of(settings.javaExecutable().toString(),
                    "-Xmx" + settings.get("kafka.heap")));
            command.addAll(settings.words("kafka.jvm-options"));
            command.addAll(List.of("-Djava.awt.headless=true", "@" + dir.resolve("classpath.args"), "kafka.Kafka",
                    dir.resolve("server.properties").toString()));
            process.start(command, Map.of(), dir);
        }
        Health.await(process, Duration.ofSeconds(90), this::healthy);
        List<TopicDefinition> topics = TopicDefinition.load(settings.configDir().resolve("topics.conf"));
        TopicProvisioner.apply(bootstrapServers(), topics, (short) 1);
    }

    /** Stops the broker (a controlled shutdown) and leaves its data for the next start. */
    @Override
    public void down() {
        process.stop(Duration.ofSeconds(30));
    }

    @Override
    public ComponentStatus status() {
        return ComponentStatus.ofProcess(name(), process, this::healthy, bootstrapServers(),
                "KRaft, topics from infra/config/topics.conf");
    }

    boolean healthy() {
        if (!Ports.accepts("127.0.0.1", settings.port("kafka.port"))) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private void prepare() {
        try {
            Files.createDirectories(dir);
            Path data = dir.resolve("data");
            Files.writeString(dir.resolve("server.properties"), serverProperties(data));
            Files.writeString(dir.resolve("classpath.args"),
                    "-cp\n\"" + settings.runtimeArtifact("kafka.classpath") + "\"\n");
            if (!Files.exists(data.resolve("meta.properties"))) {
                format();
            }
        } catch (IOException e) {
            throw new StackException("cannot prepare " + dir + ": " + e.getMessage());
        }
    }

    /** KRaft needs its log directory formatted with a cluster id once, before the first start. */
    private void format() throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        Files.writeString(dir.resolve("cluster.id"), clusterId + "\n");
        int code = process.runToCompletion(List.of(settings.javaExecutable().toString(), "@" + dir.resolve("classpath.args"),
                "kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", clusterId,
                "-c", dir.resolve("server.properties").toString()), Map.of(), dir, Duration.ofSeconds(60));
        if (code != 0) {
            throw new StackException("formatting Kafka's log directory failed; last lines of " + process.logFile() + ":",
                    LogTail.of(process.logFile(), 20));
        }
    }

    /**
     * Forgets every record: a new test stack starts from empty topics, so one run never reads another's.
     * A broker stopped and started within a run (to test an outage) keeps its data.
     */
    public void deleteData() {
        try {
            deleteRecursively(dir.resolve("data"));
        } catch (IOException e) {
            throw new StackException("cannot delete " + dir.resolve("data") + ": " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private String serverProperties(Path data) {
        int port = settings.port("kafka.port");
        int controller = settings.port("kafka.controller.port");
        return """
                # Written by the Sluice stack launcher; edit infra/config or the SLUICE_KAFKA_* variables instead.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=6
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                message.max.bytes=%4$s
                replica.fetch.max.bytes=%4$s
                log.cleaner.backoff.ms=1000
                # Retention is enforced every 30 s rather than every 5 minutes: a local broker under a
                # benchmark's load takes in 2 GB a partition in the default interval, beyond what its topics keep.
                log.retention.check.interval.ms=30000
                # The log cleaner's buffer lives in the heap for good; 128 MB by default, far more than the
                # compacted topics of one machine need, and a third of the broker's live heap otherwise.
                log.cleaner.dedupe.buffer.size=16777216
                """.formatted(port, controller, data, MAX_MESSAGE_BYTES);
    }
}
