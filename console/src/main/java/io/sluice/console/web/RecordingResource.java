package io.sluice.console.web;

import io.sluice.console.client.ApiException;
import io.sluice.console.client.RecordingsApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.http.HttpResponse;

/**
 * A stream's recordings: the MP4 download passes through the console, which adds the user's token the browser
 * does not hold, and deleting.
 */
@Path("/streams/{id}/recordings/{recording}")
public class RecordingResource {

    private final RecordingsApi recordings;
    private final StreamPages pages;

    RecordingResource(RecordingsApi recordings, StreamPages pages) {
        this.recordings = recordings;
        this.pages = pages;
    }

    @GET
    @Path("download")
    public Response download(@PathParam("id") String id, @PathParam("recording") String recordingId) {
        HttpResponse<InputStream> upstream = recordings.download(recordingId);
        StreamingOutput body = out -> {
            try (InputStream in = upstream.body()) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder answer = Response.ok(body, "video/mp4")
                .header("Content-Disposition", "attachment; filename=\"" + recordingId.replaceAll("[^A-Za-z0-9_-]", "_") + ".mp4\"")
                .header("Cache-Control", "private, no-store");
        upstream.headers().firstValue("Content-Length").ifPresent(length -> answer.header("Content-Length", length));
        return answer.build();
    }

    @POST
    @Path("delete")
    public Response delete(@PathParam("id") String id, @PathParam("recording") String recordingId) {
        try {
            recordings.delete(recordingId);
            return StreamResource.backTo(id);
        } catch (ApiException e) {
            return pages.refused(id, e);
        }
    }
}
