package io.sluice.simulcast.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A target's queue: bounded in bytes, a slow target loses whole GOPs and starts again at a keyframe. */
class TargetQueueTest {

    private static final byte[] AVC_HEADER = {0x17, 0x00, 0, 0, 0, 1, 2, 3};
    private static final byte[] AAC_HEADER = {(byte) 0xAF, 0x00, 0x12, 0x10};

    private static Tag keyframe(long timestamp, int size) {
        byte[] body = new byte[size];
        body[0] = 0x17;
        body[1] = 0x01;
        return new Tag(Tag.Kind.VIDEO, timestamp, body);
    }

    private static Tag interframe(long timestamp, int size) {
        byte[] body = new byte[size];
        body[0] = 0x27;
        body[1] = 0x01;
        return new Tag(Tag.Kind.VIDEO, timestamp, body);
    }

    private static Tag audio(long timestamp) {
        return new Tag(Tag.Kind.AUDIO, timestamp, new byte[] {(byte) 0xAF, 0x01, 0x21, 0x10});
    }

    private static List<Tag> drain(TargetQueue queue) throws InterruptedException {
        List<Tag> tags = new ArrayList<>();
        for (Tag tag = queue.poll(0); tag != null; tag = queue.poll(0)) {
            tags.add(tag);
        }
        return tags;
    }

    @Test
    void opensWithTheHeadersAndTheGopAndWaitsForAKeyframeWithoutOne() throws Exception {
        TargetQueue queue = new TargetQueue(10_000);
        Tag videoHeader = new Tag(Tag.Kind.VIDEO, 0, AVC_HEADER);
        Tag audioHeader = new Tag(Tag.Kind.AUDIO, 0, AAC_HEADER);
        queue.open(List.of(videoHeader, audioHeader), List.of());

        assertThat(queue.offer(interframe(40, 100))).isFalse();
        assertThat(queue.offer(audio(41))).isFalse();
        Tag keyframe = keyframe(80, 100);
        assertThat(queue.offer(keyframe)).isTrue();
        assertThat(queue.offer(audio(81))).isTrue();
        assertThat(drain(queue)).extracting(Tag::timestamp).containsExactly(0L, 0L, 80L, 81L);
    }

    @Test
    void aTargetTooSlowLosesWholeGopsAndStartsAgainAtAKeyframe() throws Exception {
        TargetQueue queue = new TargetQueue(1_000);
        queue.open(List.of(), List.of(keyframe(0, 300), interframe(40, 300)));

        assertThat(queue.offer(interframe(80, 300))).isTrue();
        assertThat(queue.offer(interframe(120, 300))).as("over the bound: the queue is emptied").isFalse();
        assertThat(queue.droppedGops()).isEqualTo(1);
        assertThat(queue.offer(interframe(160, 100))).as("the rest of the broken GOP").isFalse();
        assertThat(queue.offer(audio(161))).isFalse();
        assertThat(queue.offer(keyframe(200, 300))).isTrue();
        assertThat(queue.offer(interframe(240, 300))).isTrue();
        assertThat(drain(queue)).extracting(Tag::timestamp).containsExactly(200L, 240L);
    }

    @Test
    void sequenceHeadersAreNeverDropped() throws Exception {
        TargetQueue queue = new TargetQueue(1_000);
        queue.open(List.of(), List.of());
        assertThat(queue.offer(new Tag(Tag.Kind.VIDEO, 500, AVC_HEADER))).isTrue();
        assertThat(queue.offer(new Tag(Tag.Kind.METADATA, 500, new byte[] {2, 0, 1, 'x'}))).isTrue();
        assertThat(drain(queue)).hasSize(2);
    }

    @Test
    void aClosedQueueTakesNothing() throws Exception {
        TargetQueue queue = new TargetQueue(1_000);
        assertThat(queue.offer(keyframe(0, 10))).as("not opened yet").isFalse();
        queue.open(List.of(), List.of());
        queue.close();
        assertThat(queue.offer(keyframe(0, 10))).isFalse();
        assertThat(queue.poll(10)).isNull();
    }
}
