package io.sluice.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.console.model.LiveStream;
import io.sluice.console.model.Recording;
import io.sluice.console.model.Session;
import io.sluice.console.model.SimulcastTarget;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({"active, Live", "idle, Idle", "disabled, Disabled"})
    void statusesAreWords(String status, String text) {
        assertThat(Formats.statusText(stream(status))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0.4, 0:00", "59.6, 1:00", "61, 1:01", "3599, 59:59", "3600, 1:00:00", "2563.6, 42:44", "90061, 25:01:01"})
    void durationsAreClockTimes(double seconds, String text) {
        assertThat(Formats.duration(recording(seconds, 0L))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "961218432, 916.7 MiB", "1099511627776, 1.0 TiB"})
    void sizesAreBinaryUnits(long bytes, String text) {
        assertThat(Formats.bytes(bytes)).isEqualTo(text);
    }

    @Test
    void whatIsNotKnownIsADash() {
        Session empty = new Session("ss_1", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        assertThat(Formats.bitrate(empty)).isEqualTo("–");
        assertThat(Formats.resolution(empty)).isEqualTo("–");
        assertThat(Formats.frameRate(empty)).isEqualTo("–");
        assertThat(Formats.keyframeInterval(empty)).isEqualTo("–");
        assertThat(Formats.connection(empty)).isEqualTo("–");
        assertThat(Formats.codecs(empty)).isEqualTo("no video, no audio");
        assertThat(Formats.time(null)).isEqualTo("–");
        assertThat(Formats.text(" ")).isEqualTo("–");
        assertThat(Formats.duration(recording(null, null))).isEqualTo("–");
        assertThat(Formats.size(recording(null, null))).isEqualTo("–");
    }

    @Test
    void aSessionsFiguresHaveTheirUnits() {
        Session live = new Session("ss_1", Instant.parse("2026-11-24T15:20:01.250Z"), null, null, null, "203.0.113.7:50412",
                "rtmps", "TLSv1.3", "obs-output module (libobs version 30.1.2)", 1_000L, "avc1", "mp4a", null, 4500, 1920,
                1080, 29.97, 2000, 48000, 2);
        assertThat(Formats.bitrate(live)).isEqualTo("4,500 kbit/s");
        assertThat(Formats.resolution(live)).isEqualTo("1920 × 1080");
        assertThat(Formats.frameRate(live)).isEqualTo("29.97 fps");
        assertThat(Formats.keyframeInterval(live)).isEqualTo("2.0 s");
        assertThat(Formats.codecs(live)).isEqualTo("avc1, mp4a (48000 Hz, 2 ch)");
        assertThat(Formats.connection(live)).isEqualTo("RTMPS over TLSv1.3");
        assertThat(Formats.time(live.startedAt())).isEqualTo("2026-11-24 15:20:01 UTC");
    }

    @Test
    void aDisabledTargetSaysSoWhateverItsLastStatus() {
        assertThat(Formats.statusText(target(false, "errored"))).isEqualTo("Disabled");
        assertThat(Formats.statusText(target(true, "broadcasting"))).isEqualTo("Broadcasting");
    }

    private static LiveStream stream(String status) {
        return new LiveStream("ls_1", "show", "acme", status, null, null, null, 60, true, null, null, null);
    }

    private static Recording recording(Double seconds, Long bytes) {
        return new Recording("rec_1", "ls_1", "ready", null, null, null, null, seconds, bytes);
    }

    private static SimulcastTarget target(boolean enabled, String status) {
        return new SimulcastTarget("st_1", "ls_1", "rtmps://a.rtmps.youtube.com/live2", "****abcd", enabled, status, null,
                null, 0L, 0L);
    }
}
