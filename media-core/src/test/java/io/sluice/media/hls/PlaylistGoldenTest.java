package io.sluice.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Playlists as values and their exact text (RFC 8216bis, Apple's LL-HLS authoring rules). */
class PlaylistGoldenTest {

    private static PartialSegment part(String uri, long micros, boolean independent) {
        return new PartialSegment(micros, uri, independent);
    }

    static Stream<Arguments> playlists() {
        MediaSegment first = new MediaSegment(41, 2_000_000, "seg-41.m4s", "init-0.mp4", false,
                List.of(part("seg-41.0.m4s", 333_000, true), part("seg-41.1.m4s", 333_000, false)), true);
        MediaSegment reconnect = new MediaSegment(42, 1_960_000, "seg-42.m4s", "init-1.mp4", true,
                List.of(part("seg-42.0.m4s", 320_000, true)), true);
        MediaSegment open = new MediaSegment(43, 0, null, "init-1.mp4", false,
                List.of(part("seg-43.0.m4s", 333_333, true), part("seg-43.1.m4s", 300_000, false)), false);
        return Stream.of(
                Arguments.of("live, low latency", new MediaPlaylist(2000, 333_000, 3, List.of(first, reconnect, open),
                        "seg-43.2.m4s", false), """
                        #EXTM3U
                        #EXT-X-VERSION:6
                        #EXT-X-TARGETDURATION:2
                        #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.999
                        #EXT-X-PART-INF:PART-TARGET=0.333
                        #EXT-X-MEDIA-SEQUENCE:41
                        #EXT-X-DISCONTINUITY-SEQUENCE:3
                        #EXT-X-MAP:URI="init-0.mp4"
                        #EXT-X-PART:DURATION=0.333,URI="seg-41.0.m4s",INDEPENDENT=YES
                        #EXT-X-PART:DURATION=0.333,URI="seg-41.1.m4s"
                        #EXTINF:2.000,
                        seg-41.m4s
                        #EXT-X-DISCONTINUITY
                        #EXT-X-MAP:URI="init-1.mp4"
                        #EXT-X-PART:DURATION=0.320,URI="seg-42.0.m4s",INDEPENDENT=YES
                        #EXTINF:1.960,
                        seg-42.m4s
                        #EXT-X-PART:DURATION=0.333333,URI="seg-43.0.m4s",INDEPENDENT=YES
                        #EXT-X-PART:DURATION=0.300,URI="seg-43.1.m4s"
                        #EXT-X-PRELOAD-HINT:TYPE=PART,URI="seg-43.2.m4s"
                        """),
                Arguments.of("complete: no parts, no server control", new MediaPlaylist(2000, 333_000, 0,
                        List.of(first, reconnect), null, true), """
                        #EXTM3U
                        #EXT-X-VERSION:6
                        #EXT-X-TARGETDURATION:2
                        #EXT-X-PLAYLIST-TYPE:VOD
                        #EXT-X-MEDIA-SEQUENCE:41
                        #EXT-X-MAP:URI="init-0.mp4"
                        #EXTINF:2.000,
                        seg-41.m4s
                        #EXT-X-DISCONTINUITY
                        #EXT-X-MAP:URI="init-1.mp4"
                        #EXTINF:1.960,
                        seg-42.m4s
                        #EXT-X-ENDLIST
                        """),
                Arguments.of("a segment longer than the target raises it, rounded", new MediaPlaylist(2000, 0, 0,
                        List.of(new MediaSegment(0, 4_600_000, "seg-0.m4s", "init-0.mp4", false, List.of(), true)),
                        null, true), """
                        #EXTM3U
                        #EXT-X-VERSION:6
                        #EXT-X-TARGETDURATION:5
                        #EXT-X-PLAYLIST-TYPE:VOD
                        #EXT-X-MEDIA-SEQUENCE:0
                        #EXT-X-MAP:URI="init-0.mp4"
                        #EXTINF:4.600,
                        seg-0.m4s
                        #EXT-X-ENDLIST
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playlists")
    void mediaPlaylists(String name, MediaPlaylist playlist, String text) {
        assertThat(playlist.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playlists")
    void everyPartIsAtMostThePartTarget(String name, MediaPlaylist playlist, String text) {
        for (MediaSegment segment : playlist.segments()) {
            assertThat(segment.parts()).allSatisfy(part ->
                    assertThat(part.durationMicros()).isLessThanOrEqualTo(playlist.partTargetMicros() + 333));
        }
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(new MultivariantPlaylist(List.of("avc1.64001f", "mp4a.40.2"), 1280, 720, 3_400_000,
                        3_100_000, "index.m3u8"), """
                        #EXTM3U
                        #EXT-X-VERSION:6
                        #EXT-X-STREAM-INF:BANDWIDTH=3400000,AVERAGE-BANDWIDTH=3100000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=1280x720
                        index.m3u8
                        """),
                Arguments.of(new MultivariantPlaylist(List.of("Opus"), 0, 0, 64_000, 0, "index.m3u8"), """
                        #EXTM3U
                        #EXT-X-VERSION:6
                        #EXT-X-STREAM-INF:BANDWIDTH=64000,CODECS="Opus"
                        index.m3u8
                        """));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void multivariantPlaylists(MultivariantPlaylist playlist, String text) {
        assertThat(playlist.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "a,b", "a b", "a\nb", "", "../ü"})
    void aUriThatWouldBreakThePlaylistIsRefused(String uri) {
        assertThatThrownBy(() -> new PartialSegment(1000, uri, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
