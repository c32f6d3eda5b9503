package io.sluice.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.sluice.events.DecodedEvent;
import io.sluice.events.MediaEvent;
import io.sluice.events.data.SessionStarted;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A healthy live stream next to a test's bad connections: the process and this session must carry on as
 * if nothing happened beside them.
 */
final class LiveBystander implements AutoCloseable {

    private final MediaLog log;
    private final Ffmpeg encoder;

    private LiveBystander(MediaLog log, Ffmpeg encoder) {
        this.log = log;
        this.encoder = encoder;
    }

    /** Publishes a live stream over plain RTMP and waits until its session has started. */
    static LiveBystander start(TestRegistry registry, int rtmpPort) {
        RegistryWriter.TestStream stream = registry.createStream("globex");
        MediaLog log = new MediaLog(stream.streamId());
        Ffmpeg encoder = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key());
        log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));
        return new LiveBystander(log, encoder);
    }

    /** Cheap enough for after every bad connection: the encoder is still connected and publishing. */
    void assertStillPublishing() {
        assertThat(encoder.isAlive()).as("the live stream beside it goes on").isTrue();
    }

    /**
     * The process is live, the encoder still publishing, and its one session goes on: media still arrives,
     * numbered without a gap, and no session.ended came.
     */
    void assertUnharmed() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(encoder.isAlive()).as("the bystander's encoder still publishes").isTrue();
        long seen = lastSequence(log.eventsWithin(Duration.ofMillis(200)));
        List<DecodedEvent> events = log.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() > seen + 25,
                Duration.ofSeconds(10));

        assertThat(events.stream().filter(e -> MediaLog.is(e, SessionStarted.class))).as("one session").hasSize(1);
        assertThat(events).as("the bystander's session never ended").noneMatch(MediaLog::isSessionEnded);
        List<MediaEvent> media = events.stream().filter(e -> e instanceof DecodedEvent.Media)
                .map(e -> ((DecodedEvent.Media) e).event()).toList();
        assertThat(media).extracting(MediaEvent::sequence).as("nothing of it lost")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, media.size()).boxed().toList());
    }

    private static long lastSequence(List<DecodedEvent> events) {
        return events.stream().filter(e -> e instanceof DecodedEvent.Media).mapToLong(e -> ((DecodedEvent.Media) e).event().sequence())
                .max().orElse(0);
    }

    @Override
    public void close() {
        encoder.close();
        log.close();
    }
}
