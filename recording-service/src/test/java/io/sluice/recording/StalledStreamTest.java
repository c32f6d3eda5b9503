package io.sluice.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.Topics;
import io.sluice.media.flv.FlvTag;
import io.sluice.recording.config.RecordingConfig;
import io.sluice.recording.support.FlvClips;
import io.sluice.recording.support.MediaPublisher;
import io.sluice.recording.support.TestStream;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A stream that stops sending in the middle of a part (its encoder hangs, the session never ends) holds frames
 * back; after the idle timeout they are written out, so the other streams of its partition get their offsets
 * committed, and the group is never further behind than that.
 */
@QuarkusTest
class StalledStreamTest {

    private static final int MEDIA_PARTITIONS = 6;

    @Inject
    RecordingConfig config;

    @Test
    void aStalledStreamHoldsItsPartitionBackNoLongerThanTheIdleTimeout() throws Exception {
        List<FlvTag> tags = FlvClips.tags(TestMedia.testsrcClip());
        List<TestStream> pair = samePartition();
        TestStream stalled = pair.get(0);
        TestStream busy = pair.get(1);
        try (stalled; busy; Admin admin = Admin.create(adminConfig())) {
            String hung = MediaPublisher.newSession();
            stalled.publisher.sessionStarted(hung, Instant.now());
            stalled.publisher.media(hung, tags.subList(0, 40), 1, 0);
            String session = MediaPublisher.newSession();
            busy.publisher.sessionStarted(session, Instant.now());
            busy.publisher.media(session, tags, 1, 0);
            busy.publisher.sessionEnded(session, Instant.now(), Instant.now());
            TopicPartition partition = new TopicPartition(Topics.MEDIA, partition(stalled.streamId));
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();

            Awaitility.await().atMost(config.media().idleTimeout().plus(TestStream.WITHIN)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(config.media().groupId())
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() >= end;
            });
            assertThat(busy.awaitRecordings(1, "ready")).hasSize(1);
            assertThat(stalled.recordings().getFirst().getString("status")).isEqualTo("recording");
        }
    }

    /** Two new streams whose ids land on the same partition of the media log. */
    private static List<TestStream> samePartition() {
        List<TestStream> made = new ArrayList<>();
        while (true) {
            TestStream candidate = TestStream.create(DemoUser.ALICE, true, 60);
            for (TestStream other : made) {
                if (partition(other.streamId) == partition(candidate.streamId)) {
                    made.remove(other);
                    made.forEach(TestStream::close);
                    return List.of(other, candidate);
                }
            }
            made.add(candidate);
        }
    }

    /** Kafka's default partitioner for a record key. */
    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % MEDIA_PARTITIONS;
    }

    private static Properties adminConfig() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
        return props;
    }
}
