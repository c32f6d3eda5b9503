package io.sluice.auth.api;

import io.sluice.auth.config.AuthConfig;
import io.sluice.auth.domain.IssuedKey;
import io.sluice.auth.domain.LiveStreamState;
import io.sluice.auth.storage.LiveStreamEntity;
import io.sluice.auth.storage.StreamSessionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** Builds the API's JSON shapes from the domain, with the configured public addresses. */
@ApplicationScoped
public class LiveStreamViews {

    private final LiveStreamView.IngestView ingest;
    private final String playbackBase;

    LiveStreamViews(AuthConfig config) {
        this.ingest = new LiveStreamView.IngestView(config.ingest().rtmpsUrl(), config.ingest().rtmpUrl());
        String base = config.playback().baseUrl().toString();
        this.playbackBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public LiveStreamView of(LiveStreamState state) {
        return of(state, null);
    }

    public LiveStreamView of(IssuedKey issued) {
        return of(issued.state(), issued.streamKey());
    }

    private LiveStreamView of(LiveStreamState state, String streamKey) {
        LiveStreamEntity stream = state.stream();
        StreamSessionEntity live = state.activeSession();
        return new LiveStreamView(stream.id, stream.name, stream.tenant, state.status().wireName(), ingest,
                stream.playbackId, URI.create(playbackBase + "/v1/playback/" + stream.playbackId + "/index.m3u8"),
                stream.reconnectWindowSeconds, stream.recording, stream.maxContinuousDurationSeconds, stream.maxBitrateKbps,
                stream.passthrough, stream.createdAt, stream.updatedAt, live == null ? null : active(live), streamKey);
    }

    private static LiveStreamView.ActiveSessionView active(StreamSessionEntity s) {
        return new LiveStreamView.ActiveSessionView(s.sessionId, s.startedAt, s.clientAddress, s.protocol, s.encoder,
                s.bitrateKbps, s.videoCodec, s.audioCodec, s.width, s.height, s.videoFrameRate, s.bytesIn, s.statsAt);
    }

    public SessionView session(StreamSessionEntity s) {
        return new SessionView(s.sessionId, s.startedAt, s.endedAt, s.endReason, s.endDetail, s.clientAddress, s.protocol,
                s.tlsVersion, s.encoder, s.ingestInstance, s.bytesIn, s.videoFrames, s.audioFrames, s.videoCodec, s.audioCodec,
                s.statsAt, s.bitrateKbps, s.width, s.height, s.videoFrameRate, s.keyframeIntervalMillis, s.audioSampleRate,
                s.audioChannels);
    }
}
