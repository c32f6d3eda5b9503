package io.sluice.recording.domain;

import io.sluice.media.cmaf.SegmenterSettings;
import io.sluice.media.codec.CodecLimits;
import io.sluice.media.ertmp.TagBodyLimits;
import io.sluice.recording.config.RecordingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;

/** The configuration as the domain uses it: media-core's settings made once from {@link RecordingConfig}. */
@ApplicationScoped
public class RecordingSettings {

    private final RecordingConfig config;
    private final SegmenterSettings segmenter;

    RecordingSettings(RecordingConfig config) {
        this.config = config;
        this.segmenter = new SegmenterSettings(config.segments().targetDuration().toMillis(),
                config.segments().partTarget().toMillis(), config.segments().maxTimestampGap().toMillis(),
                SegmenterSettings.DEFAULTS.maxPartSamples(), SegmenterSettings.DEFAULTS.maxFragmentBytes());
    }

    public SegmenterSettings segmenter() {
        return segmenter;
    }

    public CodecLimits codecLimits() {
        return CodecLimits.DEFAULTS;
    }

    public TagBodyLimits tagLimits() {
        return TagBodyLimits.DEFAULTS;
    }

    public Duration retention() {
        return config.lifecycle().retention();
    }

    public PlaylistBuilder playlists() {
        return new PlaylistBuilder(segmenter.targetSegmentMillis(), segmenter.partTargetMillis() * 1000);
    }

    /** {@code <public-base-url>/v1/playback/<playback id>/<recording>/index.m3u8}: one recording, live or complete. */
    public URI playbackUrl(Recording recording) {
        return URI.create(base() + "/v1/playback/" + recording.playbackId() + "/" + recording.id() + "/index.m3u8");
    }

    /** {@code <public-base-url>/v1/recordings/<recording>/download}: the progressive MP4. */
    public URI mp4Url(Recording recording) {
        return URI.create(base() + "/v1/recordings/" + recording.id() + "/download");
    }

    private String base() {
        String base = config.publicBaseUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
