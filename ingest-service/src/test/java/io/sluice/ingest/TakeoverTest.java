package io.sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.StructuredEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.EndReason;
import io.sluice.events.data.SessionEnded;
import io.sluice.events.data.SessionStarted;
import io.sluice.events.kafka.KafkaEventRecords;
import io.sluice.ingest.support.ServerStatus;
import io.sluice.media.rtmp.session.ClientEvent;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.RegistryWriter;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One publisher per stream: a second publish takes over, on this instance or another, and the publisher that
 * lost the stream cannot take it back within the cool-down unless it is gone silent.
 */
@QuarkusTest
class TakeoverTest {

    @ConfigProperty(name = "sluice.ingest.rtmp.port")
    int rtmpPort;

    @ConfigProperty(name = "sluice.ingest.limits.takeover-cooldown")
    Duration takeoverCooldown;

    @ConfigProperty(name = "sluice.ingest.limits.takeover-silence")
    Duration takeoverSilence;

    @Inject
    TestRegistry registry;

    @Test
    void aSecondEncoderTakesTheStreamOverAndTheSessionsFollowOneAnother() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        String url = "rtmp://localhost:" + rtmpPort + "/live/" + stream.key();
        try (MediaLog media = new MediaLog(stream.streamId()); MediaLog sessions = new MediaLog(Topics.SESSIONS, stream.streamId());
                Ffmpeg first = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
            String firstSession = MediaLog.data(media.awaitEvent(e -> MediaLog.is(e, SessionStarted.class),
                    Duration.ofSeconds(10)).getFirst(), SessionStarted.class).sessionId();
            media.awaitEvent(e -> mediaOf(e, firstSession, 25), Duration.ofSeconds(10));
            try (Ffmpeg second = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
                List<DecodedEvent> log = media.awaitEvent(e -> e instanceof DecodedEvent.Media m
                        && !m.event().sessionId().equals(firstSession) && m.event().sequence() >= 25, Duration.ofSeconds(15));
                String secondSession = MediaLog.data(log.stream().filter(e -> MediaLog.is(e, SessionStarted.class)).toList().getLast(),
                        SessionStarted.class).sessionId();

                SessionEnded ended = MediaLog.data(log.get(indexOf(log, e -> ended(e, firstSession))), SessionEnded.class);
                assertThat(ended.reason()).isEqualTo(EndReason.TAKEOVER);
                int firstEnd = indexOf(log, e -> ended(e, firstSession));
                int secondStart = indexOf(log, e -> started(e, secondSession));
                assertThat(firstEnd).as("on the media log, the first session ends before the second starts").isLessThan(secondStart);
                for (int i = 0; i < log.size(); i++) {
                    if (log.get(i) instanceof DecodedEvent.Media m) {
                        String session = m.event().sessionId();
                        assertThat(session.equals(firstSession) ? i < firstEnd : i > secondStart)
                                .as("media event %d of %s lies within its session", i, session).isTrue();
                    }
                }
                List<DecodedEvent> lifecycle = sessions.awaitEvent(e -> started(e, secondSession), Duration.ofSeconds(5));
                assertThat(indexOf(lifecycle, e -> ended(e, firstSession))).as("the same order on the sessions topic")
                        .isLessThan(indexOf(lifecycle, e -> started(e, secondSession)));
                ServerStatus.assertToldToStop(first, "another encoder started publishing this stream");
                assertThat(second.isAlive()).isTrue();
            }
        }
    }

    /**
     * Two encoders sharing a key: the one that lost the stream, coming back at once (as OBS does after a
     * dropped connection), is refused for the cool-down, and the one publishing keeps the stream.
     */
    @Test
    void theEncoderThatLostTheStreamCannotTakeItBackWithinTheCooldown() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        String url = "rtmp://localhost:" + rtmpPort + "/live/" + stream.key();
        try (MediaLog media = new MediaLog(stream.streamId()); Ffmpeg first = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
            String firstSession = startedAfter(media, null);
            try (Ffmpeg second = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
                String secondSession = startedAfter(media, firstSession);
                ServerStatus.assertToldToStop(first, "another encoder started publishing this stream");

                try (Ffmpeg firstAgain = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
                    ServerStatus.assertToldToStop(firstAgain, "another encoder took this stream over less than "
                            + takeoverCooldown.toSeconds() + " s ago");
                }
                assertThat(second.isAlive()).isTrue();
                // A takeover would have ended the second session before the refused encoder quit; its end
                // would be on the log well within the one second a takeover may wait for it.
                assertThat(media.eventsWithin(Duration.ofSeconds(2))).as("the second session goes on")
                        .noneMatch(e -> ended(e, secondSession));
            }
        }
    }

    /**
     * An encoder reconnecting after a network drop takes over at once, cool-down or not: its old connection
     * has gone silent (sent nothing for takeover-silence) though the ingest has not noticed its end.
     */
    @Test
    void anEncoderReconnectingAfterANetworkDropTakesOverAtOnce() {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        String url = "rtmp://localhost:" + rtmpPort + "/live/" + stream.key();
        try (MediaLog media = new MediaLog(stream.streamId()); RawRtmpClient first = RawRtmpClient.connect(url)) {
            first.awaitPublishing(Duration.ofSeconds(5));
            sendFrames(first, 0);
            String firstSession = startedAfter(media, null);
            try (RawRtmpClient dropped = RawRtmpClient.connect(url)) {
                // Takes the stream from the first, which starts the cool-down; then its network "drops": the
                // connection stays open and nothing more arrives.
                dropped.awaitPublishing(Duration.ofSeconds(10));
                sendFrames(dropped, 1000);
                String droppedSession = startedAfter(media, firstSession);
                media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sessionId().equals(droppedSession)
                        && m.event().sequence() == 3, Duration.ofSeconds(10));
                // The silence is the condition itself: nothing to poll for but the time the configuration gives it.
                Awaitility.await().pollDelay(takeoverSilence.plusMillis(200)).until(() -> true);

                try (Ffmpeg reconnected = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
                    List<DecodedEvent> log = media.awaitEvent(e -> ended(e, droppedSession), Duration.ofSeconds(15));
                    SessionEnded ended = MediaLog.data(log.get(indexOf(log, e -> ended(e, droppedSession))), SessionEnded.class);
                    assertThat(ended.reason()).isEqualTo(EndReason.TAKEOVER);
                    String reconnectedSession = startedAfter(media, droppedSession);
                    media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sessionId().equals(reconnectedSession)
                            && m.event().sequence() >= 25, Duration.ofSeconds(15));
                    assertThat(reconnected.isAlive()).isTrue();
                }
            }
        }
    }

    /**
     * The id of the first session started after {@code previous} started (or of the first one, for null). It
     * waits for a start that follows previous's on the log: an earlier session's start, also "other than"
     * previous, is no answer.
     */
    private static String startedAfter(MediaLog media, String previous) {
        boolean[] pastPrevious = {previous == null};
        List<DecodedEvent> log = media.awaitEvent(e -> {
            if (!MediaLog.is(e, SessionStarted.class)) {
                return false;
            }
            if (pastPrevious[0]) {
                return true;
            }
            pastPrevious[0] = started(e, previous);
            return false;
        }, Duration.ofSeconds(15));
        List<DecodedEvent> started = log.stream().filter(e -> MediaLog.is(e, SessionStarted.class)).toList();
        int after = previous == null ? 0 : indexOf(started, e -> started(e, previous)) + 1;
        return MediaLog.data(started.get(after), SessionStarted.class).sessionId();
    }

    /** Three publishers of one stream racing each other: on the media log, one whole session after the other. */
    @Test
    void publishersInQuickSuccessionFollowOneAnother() throws Exception {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        String url = "rtmp://localhost:" + rtmpPort + "/live/" + stream.key();
        try (MediaLog media = new MediaLog(stream.streamId()); RawRtmpClient first = RawRtmpClient.connect(url)) {
            first.awaitPublishing(Duration.ofSeconds(5));
            sendFrames(first, 0);
            media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() == 3, Duration.ofSeconds(5));

            try (ExecutorService racers = Executors.newFixedThreadPool(2)) {
                List<Future<?>> raced = new ArrayList<>();
                for (int i = 1; i <= 2; i++) {
                    long from = 1000L * i;
                    raced.add(racers.submit(() -> {
                        try (RawRtmpClient next = RawRtmpClient.connect(url)) {
                            // Taken over before it went live, a publisher is told so and closed.
                            if (next.await(e -> e instanceof ClientEvent.PublishStarted || e instanceof ClientEvent.Closed
                                    || e instanceof ClientEvent.Failed, Duration.ofSeconds(5)) instanceof ClientEvent.PublishStarted) {
                                sendFrames(next, from);
                                next.awaitServerClose(Duration.ofSeconds(2));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> racer : raced) {
                    racer.get(30, TimeUnit.SECONDS);
                }
            }
            List<DecodedEvent> log = media.eventsWithin(Duration.ofSeconds(2));

            String open = null;
            int sessions = 0;
            for (DecodedEvent event : log) {
                if (MediaLog.is(event, SessionStarted.class)) {
                    assertThat(open).as("a session starts only after the one before it ended").isNull();
                    open = MediaLog.data(event, SessionStarted.class).sessionId();
                    sessions++;
                } else if (event instanceof DecodedEvent.Media m) {
                    assertThat(m.event().sessionId()).as("media of the session that is open").isEqualTo(open);
                } else if (MediaLog.isSessionEnded(event)) {
                    assertThat(MediaLog.data(event, SessionEnded.class).sessionId()).isEqualTo(open);
                    open = null;
                }
            }
            assertThat(sessions).as("the first and at least the last publisher went live").isGreaterThanOrEqualTo(2);
        }
    }

    private static void sendFrames(RawRtmpClient client, long from) {
        for (int i = 0; i < 3; i++) {
            client.sendVideo(from + 40L * i, new byte[] {0x17, 0x01, 0, 0, 0, 0, 0, 0, 1, 0x65});
        }
    }

    /**
     * Another instance's session.started written after ours wins, though its clock is an hour behind: the
     * order on the sessions topic decides, not the clocks. (e2e-tests runs two real instances.)
     */
    @Test
    void aLaterSessionOnAnotherInstanceTakesOverWhateverItsClockSays() throws Exception {
        RegistryWriter.TestStream stream = registry.createStream("acme");
        try (MediaLog log = new MediaLog(stream.streamId()); MediaLog sessions = new MediaLog(Topics.SESSIONS, stream.streamId());
                Ffmpeg local = Ffmpeg.publishLive(TestMedia.testsrcClip(), "rtmp://localhost:" + rtmpPort + "/live/" + stream.key())) {
            log.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));
            sessions.awaitEvent(e -> MediaLog.is(e, SessionStarted.class), Duration.ofSeconds(10));

            announceSessionOnPeer(new SessionStarted(stream.streamId(), "acme", "ss_peer", "ingest-peer", "198.51.100.9:40000",
                    "rtmps", "TLSv1.3", "OBS", Instant.now().minus(Duration.ofHours(1))));

            SessionEnded ended = MediaLog.data(log.awaitSessionEnded(Duration.ofSeconds(5)).getLast(), SessionEnded.class);
            assertThat(ended.reason()).isEqualTo(EndReason.TAKEOVER);
            assertThat(ended.detail()).contains("ingest-peer");
        }
    }

    private static void announceSessionOnPeer(SessionStarted started) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            var record = EventCodec.encode(StructuredEvent.of(URI.create("/sluice/ingest/ingest-peer"), started, Instant.now()));
            producer.send(KafkaEventRecords.toProducerRecord(Topics.SESSIONS, record)).get();
        }
    }

    private static boolean mediaOf(DecodedEvent event, String sessionId, long minSequence) {
        return event instanceof DecodedEvent.Media m && m.event().sessionId().equals(sessionId) && m.event().sequence() >= minSequence;
    }

    private static boolean started(DecodedEvent event, String sessionId) {
        return MediaLog.is(event, SessionStarted.class) && MediaLog.data(event, SessionStarted.class).sessionId().equals(sessionId);
    }

    private static boolean ended(DecodedEvent event, String sessionId) {
        return MediaLog.isSessionEnded(event) && MediaLog.data(event, SessionEnded.class).sessionId().equals(sessionId);
    }

    private static int indexOf(List<DecodedEvent> events, Predicate<DecodedEvent> which) {
        for (int i = 0; i < events.size(); i++) {
            if (which.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event among " + events.size());
    }
}
