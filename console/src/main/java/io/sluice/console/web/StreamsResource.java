package io.sluice.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sluice.console.client.ApiException;
import io.sluice.console.client.LiveStreamsApi;
import io.sluice.console.model.Caller;
import io.sluice.console.model.LiveStream;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The list of the tenant's live streams, and creating one. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StreamsResource {

    /** What the create form holds, given back with the error when the API refused it. */
    public record CreateForm(String name, String reconnectWindowSeconds, boolean recording) {
        static final CreateForm EMPTY = new CreateForm("", "60", true);
    }

    @CheckedTemplate(basePath = "streams")
    static class Templates {
        static native TemplateInstance list(Caller caller, List<LiveStream> streams, CreateForm form, String createError);

        static native TemplateInstance rows(List<LiveStream> streams);
    }

    private final LiveStreamsApi streams;
    private final StreamPages pages;

    StreamsResource(LiveStreamsApi streams, StreamPages pages) {
        this.streams = streams;
        this.pages = pages;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/streams")).build();
    }

    @GET
    @Path("streams")
    public TemplateInstance list() {
        return Templates.list(streams.caller(), streams.list(), CreateForm.EMPTY, null);
    }

    /**
     * The table alone, fetched by the list page every few seconds so statuses change without a reload. Not
     * under {@code /streams/}, where every path is a stream's.
     */
    @GET
    @Path("panels/streams")
    public TemplateInstance rows() {
        return Templates.rows(streams.list());
    }

    /** Creates the stream and shows its page with the key, this once. */
    @POST
    @Path("streams")
    public Response create(@RestForm String name, @RestForm("reconnect_window_seconds") String reconnectWindow,
            @RestForm String recording) {
        CreateForm form = new CreateForm(name == null ? "" : name, reconnectWindow == null ? "" : reconnectWindow, recording != null);
        int window;
        try {
            window = Integer.parseInt(form.reconnectWindowSeconds().strip());
        } catch (NumberFormatException e) {
            return refused(form, 400, "Reconnect window: a whole number of seconds, from 0 to 1800.");
        }
        try {
            LiveStream created = streams.create(form.name().strip(), window, form.recording());
            return Response.ok(pages.page(created, "Live stream created. Copy the stream key now: it is shown this once."))
                    .header("Cache-Control", "no-store").build();
        } catch (ApiException e) {
            return refused(form, e.status(), e.sentence());
        }
    }

    private Response refused(CreateForm form, int status, String sentence) {
        return Response.status(status).entity(Templates.list(streams.caller(), streams.list(), form, sentence)).build();
    }
}
