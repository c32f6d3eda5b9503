package io.sluice.console.web;

import java.util.List;

/**
 * The platforms whose RTMPS ingest addresses the add-target form fills in; the stream key comes from the
 * platform's own dashboard. The URL field stays editable for any other RTMP or RTMPS server.
 */
public final class Presets {

    public record Preset(String id, String label, String url) {
    }

    public static final List<Preset> ALL = List.of(
            new Preset("youtube", "YouTube", "rtmps://a.rtmps.youtube.com/live2"),
            new Preset("twitch", "Twitch", "rtmps://live.twitch.tv/app"),
            new Preset("facebook", "Facebook", "rtmps://live-api-s.facebook.com:443/rtmp"));

    private Presets() {
    }
}
