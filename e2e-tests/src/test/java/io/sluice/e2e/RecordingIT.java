package io.sluice.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.sluice.events.DecodedEvent;
import io.sluice.events.EventCodec;
import io.sluice.events.MediaEvent;
import io.sluice.events.Topics;
import io.sluice.events.data.SessionStarted;
import io.sluice.media.cmaf.MediaUnit;
import io.sluice.media.cmaf.TagSampler;
import io.sluice.media.cmaf.TrackKind;
import io.sluice.media.codec.CodecLimits;
import io.sluice.media.ertmp.TagBodyLimits;
import io.sluice.media.flv.FlvTag;
import io.sluice.media.flv.FlvTagType;
import io.sluice.media.rtmp.session.EnhancedCapabilities;
import io.sluice.stack.ServiceCatalog;
import io.sluice.stack.Stack;
import io.sluice.stack.StackSettings;
import io.sluice.stack.component.Ports;
import io.sluice.stack.component.QuarkusService;
import io.sluice.testkit.DemoUser;
import io.sluice.testkit.ExternalTool;
import io.sluice.testkit.Ffmpeg;
import io.sluice.testkit.MediaLog;
import io.sluice.testkit.RawRtmpClient;
import io.sluice.testkit.TestMedia;
import io.sluice.testkit.TestStack;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording across the packaged services, with real encoders over RTMPS through the ingest: the playback URL
 * auth-service hands out answers (live, then the whole recording), {@code ffmpeg -c copy} of the finished
 * recording and the MP4 download hold every frame the encoder sent, byte for byte, compared packet by packet
 * with ffprobe against the media log the ingest wrote; GStreamer, Enhanced RTMP HEVC and Opus too. And the point of
 * it all: recording-service killed with SIGKILL in mid-stream, or its partitions moved to a second instance,
 * loses no frame and stores none twice.
 */
class RecordingIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final TagSampler SAMPLER = new TagSampler(TagBodyLimits.DEFAULTS, CodecLimits.DEFAULTS);
    private static Stack stack;
    private static QuarkusService auth;
    private static QuarkusService ingest;
    private static QuarkusService recording;

    @BeforeAll
    static void startServices() {
        stack = TestStack.get().stack();
        auth = service("auth");
        ingest = service("ingest");
        recording = service("recording");
        auth.up();
        ingest.up();
        recording.up();
    }

    @AfterAll
    static void stopServices() {
        recording.down();
        ingest.down();
        auth.down();
    }

    /** A frame as ffprobe reports it: its track and the SHA-256 of its bytes. */
    record Frame(String type, String sha256) {
    }

    @Test
    void ffmpegOverRtmpsIsRecordedAndPlaysBackByteForByte(@TempDir Path folder) throws Exception {
        JsonPath stream = createStream(0);
        String playbackUrl = stream.getString("playback_url");
        assertThat(playbackUrl).startsWith(recording.url() + "/v1/playback/");
        try (MediaLog media = new MediaLog(stream.getString("id"));
                Ffmpeg ffmpeg = Ffmpeg.publishOnce(TestMedia.testsrcClip(),
                        stream.getString("ingest.rtmps_url") + "/" + stream.getString("stream_key"))) {
            assertThat(ffmpeg.awaitExit(WITHIN)).as(ffmpeg.output()).isZero();
            List<Frame> sent = frames(media.awaitSessionEnded(WITHIN));

            JsonPath ready = awaitReady(stream.getString("id"), 1);
            given().when().get(playbackUrl).then().statusCode(200).contentType("application/vnd.apple.mpegurl");
            Path copy = folder.resolve("copy.mp4");
            run(ExternalTool.require("ffmpeg").toString(), "-v", "error", "-i", playbackUrl, "-c", "copy", copy.toString());
            assertThat(packets(copy.toString())).isEqualTo(sent);

            Path download = folder.resolve("download.mp4");
            Files.write(download, given().auth().oauth2(DemoUser.ALICE.accessToken()).when()
                    .get(ready.getString("mp4_url")).then().statusCode(200).extract().asByteArray());
            assertThat(packets(download.toString())).isEqualTo(sent);
            run(ExternalTool.require("ffmpeg").toString(), "-v", "error", "-xerror", "-i", download.toString(), "-f", "null", "-");
        }
    }

    @Test
    void gstreamerIsRecorded() throws Exception {
        JsonPath stream = createStream(0);
        String url = stream.getString("ingest.rtmps_url") + "/" + stream.getString("stream_key");
        try (MediaLog media = new MediaLog(stream.getString("id"))) {
            run(ExternalTool.require("gst-launch-1.0").toString(), "-q",
                    "videotestsrc", "num-buffers=150", "!", "video/x-raw,width=320,height=240,framerate=30/1", "!",
                    "x264enc", "key-int-max=30", "speed-preset=veryfast", "tune=zerolatency", "!", "h264parse", "!",
                    "flvmux", "name=mux", "streamable=true", "!", "rtmp2sink", "location=" + url, "tls-validation-flags=0",
                    "audiotestsrc", "num-buffers=235", "!", "audioconvert", "!", "avenc_aac", "!", "aacparse", "!", "mux.");
            List<Frame> sent = frames(media.awaitSessionEnded(WITHIN));
            JsonPath ready = awaitReady(stream.getString("id"), 1);

            assertThat(packets(ready.getString("playback_url"))).isEqualTo(sent);
            assertThat(sent.stream().filter(f -> f.type().equals("video"))).hasSize(150);
        }
    }

    @Test
    void enhancedRtmpHevcIsRecordedAsHvc1() throws Exception {
        Published published = publishEnhanced("ertmp-hevc-aac.flv", List.of("hvc1", "mp4a"));
        String playbackUrl = published.ready().getString("playback_url");

        Map<String, String> video = streams(playbackUrl).getFirst();
        assertThat(video).containsEntry("codec_name", "hevc").containsEntry("codec_tag_string", "hvc1")
                .containsEntry("width", "426").containsEntry("height", "240");
        assertThat(packets(playbackUrl)).isEqualTo(published.sent());
    }

    @Test
    void enhancedRtmpOpusIsRecordedAsOpus() throws Exception {
        Published published = publishEnhanced("ertmp-h264-opus.flv", List.of("avc1", "Opus"));
        String playbackUrl = published.ready().getString("playback_url");

        assertThat(published.ready().getList("tracks.codecs")).containsExactly("avc1.42c00d", "Opus");
        Map<String, String> audio = streams(playbackUrl).get(1);
        assertThat(audio).containsEntry("codec_name", "opus").containsEntry("codec_tag_string", "Opus");
        assertThat(published.sent().stream().filter(f -> f.type().equals("audio"))).hasSizeGreaterThan(100);
        assertThat(packets(playbackUrl)).isEqualTo(published.sent());
    }

    @Test
    void killedInMidStreamTheRecordingLosesNothing() throws Exception {
        JsonPath stream = createStream(0);
        String url = stream.getString("ingest.rtmps_url") + "/" + stream.getString("stream_key");
        try (MediaLog media = new MediaLog(stream.getString("id"))) {
            try (Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
                media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() >= 300, WITHIN);
                ProcessHandle process = ProcessHandle.of(recording.status().pid()).orElseThrow();
                process.destroyForcibly();
                assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(10));
                media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() >= 500, WITHIN);
                recording.up();
                media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() >= 800, WITHIN);
            }
            List<Frame> sent = frames(media.awaitSessionEnded(WITHIN));
            JsonPath ready = awaitReady(stream.getString("id"), 1);

            assertThat(packets(ready.getString("playback_url"))).as("every frame once, in order").isEqualTo(sent);
            assertThat(Awaitility.await().atMost(WITHIN).until(() -> recordingEvents(stream.getString("id")),
                    events -> events.contains("io.sluice.recording.ready")))
                    .as("each event once, though the relay was killed too")
                    .containsExactly("io.sluice.recording.started", "io.sluice.recording.ready");
        }
    }

    @Test
    void movedToASecondInstanceInMidStreamTheRecordingLosesNothing() throws Exception {
        JsonPath stream = createStream(0);
        String url = stream.getString("ingest.rtmps_url") + "/" + stream.getString("stream_key");
        StackSettings settings = stack.settings().with("recording.port", Integer.toString(Ports.free()));
        QuarkusService second = ServiceCatalog.recordingInstance(settings, stack.endpoints(), "recording-b");
        try (MediaLog media = new MediaLog(stream.getString("id"))) {
            try (Ffmpeg ffmpeg = Ffmpeg.publishLive(TestMedia.testsrcClip(), url)) {
                media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() >= 250, WITHIN);
                second.up();
                recording.down();
                media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() >= 700, WITHIN);
                recording.up();
                second.down();
                media.awaitEvent(e -> e instanceof DecodedEvent.Media m && m.event().sequence() >= 1000, WITHIN);
            }
            List<Frame> sent = frames(media.awaitSessionEnded(WITHIN));
            JsonPath ready = awaitReady(stream.getString("id"), 1);

            assertThat(packets(ready.getString("playback_url"))).isEqualTo(sent);
        } finally {
            second.down();
        }
    }

    @Test
    void aReconnectWithinTheWindowContinuesOneRecording() throws Exception {
        JsonPath stream = createStream(30);
        String url = stream.getString("ingest.rtmps_url") + "/" + stream.getString("stream_key");
        try (MediaLog media = new MediaLog(stream.getString("id"))) {
            for (int session = 0; session < 2; session++) {
                try (Ffmpeg ffmpeg = Ffmpeg.publishOnce(TestMedia.testsrcClip(), url)) {
                    assertThat(ffmpeg.awaitExit(WITHIN)).isZero();
                }
            }
            List<DecodedEvent> events = media.eventsWithin(Duration.ofSeconds(2));
            assertThat(events.stream().filter(e -> MediaLog.is(e, SessionStarted.class))).hasSize(2);
            JsonPath recordings = Awaitility.await().atMost(WITHIN).until(() -> recordings(stream.getString("id")),
                    page -> page.getList("data").size() == 1 && page.getList("data.sessions").size() == 1
                            && page.getList("data[0].sessions").size() == 2);
            assertThat(recordings.getString("data[0].status")).isEqualTo("recording");
            String live = given().when().get(stream.getString("playback_url")).then().statusCode(200).extract().asString();
            assertThat(live).contains("#EXT-X-DISCONTINUITY", "#EXT-X-PART-INF");
        }
    }

    /** The frames the ingest took from a publish, and the recording made of them once ready. */
    record Published(List<Frame> sent, JsonPath ready) {
    }

    /**
     * Publishes the tags of a committed file over RTMP with media-core's client announcing {@code fourCcs} (Enhanced
     * RTMP, which ffmpeg 5.1 cannot send), and waits for its recording.
     */
    private static Published publishEnhanced(String file, List<String> fourCcs) throws Exception {
        JsonPath stream = createStream(0);
        String url = stream.getString("ingest.rtmp_url") + "/" + stream.getString("stream_key");
        List<FlvTag> tags = flvTags(TestMedia.file(file));
        // This client publishes within milliseconds of the API's answer, before the key can have reached the
        // ingest: the ingest waits for it (new-key-wait).
        try (MediaLog media = new MediaLog(stream.getString("id"));
                RawRtmpClient client = RawRtmpClient.connect(url, "127.0.0.1",
                        new EnhancedCapabilities(fourCcs, Map.of(), Map.of(), 0))) {
            client.awaitPublishing(Duration.ofSeconds(10));
            for (FlvTag tag : tags) {
                if (tag.type() == FlvTagType.VIDEO) {
                    client.sendVideo(tag.timestamp(), tag.body().toByteArray());
                } else if (tag.type() == FlvTagType.AUDIO) {
                    client.sendAudio(tag.timestamp(), tag.body().toByteArray());
                }
            }
            client.close();
            List<Frame> sent = frames(media.awaitSessionEnded(WITHIN));
            return new Published(sent, awaitReady(stream.getString("id"), 1));
        }
    }

    /**
     * The types of a stream's events on {@code sluice.recordings.v1}, in order, as a consumer reading only committed
     * transactions sees them (what a subscriber gets).
     */
    private static List<String> recordingEvents(String streamId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().endpoints().kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RECORDINGS).stream()
                    .map(p -> new TopicPartition(Topics.RECORDINGS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            // An open transaction holds a committed reader back until it ends: read for a bounded time.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (streamId.equals(record.key())
                            && EventCodec.decode(record) instanceof DecodedEvent.Structured structured) {
                        types.add(structured.event().envelope().type().typeName());
                    }
                }
            }
        }
        return types;
    }

    private static JsonPath createStream(int reconnectWindowSeconds) {
        return given().baseUri(auth.url()).auth().oauth2(DemoUser.ALICE.accessToken()).contentType("application/json")
                .body("{\"name\":\"recording test\",\"reconnect_window_seconds\":" + reconnectWindowSeconds + "}")
                .when().post("/v1/live-streams").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath recordings(String streamId) {
        return given().baseUri(recording.url()).auth().oauth2(DemoUser.ALICE.accessToken())
                .queryParam("stream_id", streamId).when().get("/v1/recordings").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitReady(String streamId, int count) {
        JsonPath page = Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> recordings(streamId), p -> p.getList("data").size() == count
                        && "ready".equals(p.getString("data[0].status")));
        return new JsonPath(page.prettify()).setRootPath("data[0]");
    }

    /** The frames of a session's media events, as media-core reads them out of the tag bodies the encoder sent. */
    private static List<Frame> frames(List<DecodedEvent> events) {
        List<Frame> frames = new ArrayList<>();
        for (DecodedEvent event : events) {
            if (!(event instanceof DecodedEvent.Media media)) {
                continue;
            }
            MediaEvent m = media.event();
            MediaUnit unit = switch (m.envelope().type()) {
                case MEDIA_VIDEO -> SAMPLER.video(m.payload());
                case MEDIA_AUDIO -> SAMPLER.audio(m.payload());
                default -> null;
            };
            if (unit instanceof MediaUnit.Frame frame) {
                frames.add(new Frame(frame.kind() == TrackKind.VIDEO ? "video" : "audio",
                        sha256(frame.data(), frame.offset(), frame.length())));
            }
        }
        return byTrack(frames);
    }

    /** The packets ffprobe reads, in the same form; ffprobe interleaves by time, so each track keeps its order. */
    private static List<Frame> packets(String input) {
        String output = run(ExternalTool.require("ffprobe").toString(), "-v", "error", "-show_data_hash", "SHA256",
                "-show_entries", "packet=codec_type,data_hash", "-of", "compact=p=0:nk=1", input);
        List<Frame> frames = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                String[] fields = line.split("\\|");
                frames.add(new Frame(fields[0], fields[1].substring("SHA256:".length())));
            }
        }
        return byTrack(frames);
    }

    private static List<Frame> byTrack(List<Frame> frames) {
        List<Frame> ordered = new ArrayList<>(frames.stream().filter(f -> f.type().equals("video")).toList());
        ordered.addAll(frames.stream().filter(f -> f.type().equals("audio")).toList());
        return ordered;
    }

    private static List<Map<String, String>> streams(String input) {
        String output = run(ExternalTool.require("ffprobe").toString(), "-v", "error", "-show_entries",
                "stream=codec_name,codec_tag_string,width,height", "-of", "compact=p=0", input);
        List<Map<String, String>> streams = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                Map<String, String> fields = new java.util.HashMap<>();
                for (String field : line.split("\\|")) {
                    fields.put(field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
                }
                streams.add(fields);
            }
        }
        return streams;
    }

    private static List<FlvTag> flvTags(Path file) throws IOException {
        var reader = new io.sluice.media.flv.FlvStreamReader(Files.newInputStream(file), io.sluice.media.flv.FlvLimits.DEFAULTS);
        List<FlvTag> tags = new ArrayList<>();
        for (var element = reader.next(); element.isPresent(); element = reader.next()) {
            if (element.get() instanceof FlvTag tag) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static String sha256(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, offset, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
            return output;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static QuarkusService service(String name) {
        return stack.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

}
