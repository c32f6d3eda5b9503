package io.sluice.console.web;

import io.sluice.console.client.ApiException;
import io.sluice.console.client.LiveStreamsApi;
import io.sluice.console.client.ServiceUnreachableException;
import io.sluice.console.client.SimulcastApi;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Adding and changing a stream's simulcast targets. A refusal or an unreachable simulcast-service is shown
 * next to the targets; the target's key is never given back to the page, not even to re-fill the form.
 */
@Path("/streams/{id}/simulcast-targets")
public class SimulcastResource {

    private final SimulcastApi simulcast;
    private final LiveStreamsApi streams;
    private final StreamPages pages;

    SimulcastResource(SimulcastApi simulcast, LiveStreamsApi streams, StreamPages pages) {
        this.simulcast = simulcast;
        this.streams = streams;
        this.pages = pages;
    }

    @POST
    public Response add(@PathParam("id") String id, @RestForm String url, @RestForm("stream_key") String streamKey) {
        String target = url == null ? "" : url.strip();
        return attempt(id, target, () -> simulcast.add(id, target, streamKey == null ? "" : streamKey.strip()));
    }

    @POST
    @Path("{target}/enable")
    public Response enable(@PathParam("id") String id, @PathParam("target") String targetId) {
        return attempt(id, null, () -> simulcast.setEnabled(id, targetId, true));
    }

    @POST
    @Path("{target}/disable")
    public Response disable(@PathParam("id") String id, @PathParam("target") String targetId) {
        return attempt(id, null, () -> simulcast.setEnabled(id, targetId, false));
    }

    @POST
    @Path("{target}/delete")
    public Response delete(@PathParam("id") String id, @PathParam("target") String targetId) {
        return attempt(id, null, () -> {
            simulcast.delete(id, targetId);
            return null;
        });
    }

    private Response attempt(String id, String targetUrl, Supplier<Object> call) {
        String problem;
        int status;
        try {
            call.get();
            return StreamResource.backTo(id);
        } catch (ApiException e) {
            problem = e.sentence();
            status = e.status();
        } catch (ServiceUnreachableException e) {
            problem = "Simulcast unavailable: " + e.sentence();
            status = 503;
        }
        return Response.status(status).entity(pages.page(streams.get(id), null, null, problem, targetUrl)).build();
    }
}
