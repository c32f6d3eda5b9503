package io.sluice.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sluice.console.client.ApiException;
import io.sluice.console.client.LiveStreamsApi;
import io.sluice.console.client.RecordingsApi;
import io.sluice.console.client.ServiceUnreachableException;
import io.sluice.console.client.SimulcastApi;
import io.sluice.console.model.Caller;
import io.sluice.console.model.LiveStream;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Puts one stream's page together from the three services. auth-service must answer (the stream is the
 * page); recording-service and simulcast-service may be away, and their panels then say so.
 */
@RequestScoped
public class StreamPages {

    @CheckedTemplate(basePath = "stream")
    static class Templates {
        static native TemplateInstance page(Caller caller, LiveStream stream, String newKey, String ffmpegCommand,
                String notice, String actionError, Panels.Live live, Panels.Recordings recordings,
                Panels.Simulcast simulcast, List<Presets.Preset> presets, String simulcastError, String targetUrl);

        static native TemplateInstance live(Panels.Live live);

        static native TemplateInstance recordings(Caller caller, LiveStream stream, Panels.Recordings recordings);

        static native TemplateInstance targets(Caller caller, LiveStream stream, Panels.Simulcast simulcast);
    }

    private final LiveStreamsApi streams;
    private final RecordingsApi recordings;
    private final SimulcastApi simulcast;

    StreamPages(LiveStreamsApi streams, RecordingsApi recordings, SimulcastApi simulcast) {
        this.streams = streams;
        this.recordings = recordings;
        this.simulcast = simulcast;
    }

    /** The page as it is. */
    TemplateInstance page(String id) {
        return page(streams.get(id), null);
    }

    /**
     * The page right after a create or a rotation: {@code stream} is the API's answer, whose key is shown
     * this once.
     */
    TemplateInstance page(LiveStream stream, String notice) {
        return page(stream, notice, null, null, null);
    }

    /** The page with a sentence next to what went wrong: a change of the stream, or a target that was refused. */
    TemplateInstance page(LiveStream stream, String notice, String actionError, String simulcastError, String targetUrl) {
        String key = stream.streamKey();
        String server = stream.ingest() == null ? "" : stream.ingest().rtmpsUrl();
        return Templates.page(streams.caller(), stream, key, EncoderCommand.ffmpeg(server, key), notice, actionError,
                live(stream), recordingsOf(stream.id()), simulcastOf(stream.id()), Presets.ALL, simulcastError, targetUrl);
    }

    /**
     * A change the API refused, shown on the stream's page next to the buttons in the API's own words. A
     * stream that is not the caller's stays "not found" (the error pages).
     */
    Response refused(String id, ApiException e) {
        if (e.notFound()) {
            throw e;
        }
        return Response.status(e.status()).entity(page(streams.get(id), null, e.sentence(), null, null)).build();
    }

    TemplateInstance livePanel(String id) {
        return Templates.live(live(streams.get(id)));
    }

    TemplateInstance recordingsPanel(String id) {
        LiveStream stream = streams.get(id);
        return Templates.recordings(streams.caller(), stream, recordingsOf(stream.id()));
    }

    TemplateInstance targetsPanel(String id) {
        LiveStream stream = streams.get(id);
        return Templates.targets(streams.caller(), stream, simulcastOf(stream.id()));
    }

    private Panels.Live live(LiveStream stream) {
        return new Panels.Live(stream, streams.latestSession(stream.id()));
    }

    private Panels.Recordings recordingsOf(String streamId) {
        try {
            return new Panels.Recordings(recordings.ofStream(streamId), null);
        } catch (ServiceUnreachableException e) {
            return new Panels.Recordings(List.of(), "Recordings unavailable: " + e.sentence());
        } catch (ApiException e) {
            return new Panels.Recordings(List.of(), "Recordings unavailable: " + e.sentence());
        }
    }

    private Panels.Simulcast simulcastOf(String streamId) {
        try {
            return new Panels.Simulcast(simulcast.targets(streamId), null);
        } catch (ServiceUnreachableException e) {
            return new Panels.Simulcast(List.of(), "Simulcast unavailable: " + e.sentence());
        } catch (ApiException e) {
            return new Panels.Simulcast(List.of(), "Simulcast unavailable: " + e.sentence());
        }
    }
}
