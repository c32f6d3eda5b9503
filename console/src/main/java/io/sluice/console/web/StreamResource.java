package io.sluice.console.web;

import io.quarkus.qute.TemplateInstance;
import io.sluice.console.client.ApiException;
import io.sluice.console.client.LiveStreamsApi;
import io.sluice.console.client.UrlPaths;
import io.sluice.console.model.LiveStream;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;

/** One stream's page, its refreshing panels, and the changes a streamer makes to it. */
@Path("/streams/{id}")
@Produces(MediaType.TEXT_HTML)
public class StreamResource {

    private final LiveStreamsApi streams;
    private final StreamPages pages;

    StreamResource(LiveStreamsApi streams, StreamPages pages) {
        this.streams = streams;
        this.pages = pages;
    }

    @GET
    public TemplateInstance page(@PathParam("id") String id) {
        return pages.page(id);
    }

    @GET
    @Path("live")
    public TemplateInstance live(@PathParam("id") String id) {
        return pages.livePanel(id);
    }

    @GET
    @Path("recordings")
    public TemplateInstance recordings(@PathParam("id") String id) {
        return pages.recordingsPanel(id);
    }

    @GET
    @Path("simulcast-targets")
    public TemplateInstance targets(@PathParam("id") String id) {
        return pages.targetsPanel(id);
    }

    /** A new key, shown this once; the encoder with the old one is cut off by the platform. */
    @POST
    @Path("rotate-key")
    public Response rotateKey(@PathParam("id") String id) {
        return change(id, streams::rotateKey, rotated -> Response.ok(pages.page(rotated,
                "Stream key rotated. The old key no longer works: give your encoder the new one, shown this once."))
                .header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("disable")
    public Response disable(@PathParam("id") String id) {
        return change(id, streams::disable, disabled -> backTo(id));
    }

    @POST
    @Path("enable")
    public Response enable(@PathParam("id") String id) {
        return change(id, streams::enable, enabled -> backTo(id));
    }

    @POST
    @Path("delete")
    public Response delete(@PathParam("id") String id) {
        return change(id, stream -> {
            streams.delete(stream);
            return null;
        }, deleted -> Response.seeOther(URI.create("/streams")).build());
    }

    /**
     * Makes a change through the API; a refusal is shown on the stream's page next to the buttons, in the
     * API's own words. A stream that is not the caller's is "not found" (the error pages).
     */
    private Response change(String id, Function<String, LiveStream> call, Function<LiveStream, Response> then) {
        try {
            return then.apply(call.apply(id));
        } catch (ApiException e) {
            return pages.refused(id, e);
        }
    }

    static Response backTo(String id) {
        return Response.seeOther(URI.create("/streams/" + UrlPaths.segment(id))).build();
    }
}
