package io.sluice.recording.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.sluice.media.cmaf.ProgressiveMp4;
import io.sluice.recording.domain.Page;
import io.sluice.recording.domain.RecordingDetails;
import io.sluice.recording.domain.RecordingService;
import io.sluice.recording.objects.ObjectStore;
import io.sluice.recording.security.Caller;
import io.sluice.recording.security.CallerResolver;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recordings, for OIDC callers of a tenant: another tenant's recording answers 404 exactly like one that does not
 * exist. Admins read every tenant's.
 */
@Path("/v1/recordings")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = "Recordings", description = "Every live session is recorded; list, inspect, download and delete the recordings")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RecordingResource {

    static final String MP4 = "video/mp4";

    private final RecordingService service;
    private final RecordingViews views;
    private final CallerResolver callers;
    private final SecurityIdentity identity;
    private final ObjectStore store;

    RecordingResource(RecordingService service, RecordingViews views, CallerResolver callers, SecurityIdentity identity,
            ObjectStore store) {
        this.service = service;
        this.views = views;
        this.callers = callers;
        this.identity = identity;
        this.store = store;
    }

    @GET
    @Operation(operationId = "listRecordings", summary = "List recordings",
            description = "Newest first, in pages; deleted ones only with `status=deleted`.")
    @APIResponse(responseCode = "200", description = "A page of recordings")
    @APIResponse(responseCode = "400", description = "An invalid query parameter; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordingPage list(
            @Parameter(description = "Only this live stream's recordings") @QueryParam("stream_id") String streamId,
            @Parameter(description = "Only recordings in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"recording", "ready", "failed", "deleted"}))
            @QueryParam("status") String status,
            @Parameter(description = "`next_cursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + QueryParameters.MAX_LIMIT, defaultValue = "" + QueryParameters.DEFAULT_LIMIT))
            @QueryParam("limit") String limit) {
        Page<RecordingDetails> page = service.list(caller(), QueryParameters.streamId(streamId),
                QueryParameters.status(status), cursor, QueryParameters.limit(limit));
        return new RecordingPage(page.items().stream().map(views::of).toList(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getRecording", summary = "Get a recording",
            description = "With its playback URL, MP4 URL, duration, size, tracks and sessions.")
    @APIResponse(responseCode = "200", description = "The recording",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordingView.class)))
    @APIResponse(responseCode = "404", description = "No such recording in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordingView get(@PathParam("id") String id) {
        return views.of(service.get(caller(), id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteRecording", summary = "Delete a recording",
            description = "Its media is deleted and `io.sluice.recording.deleted` published;"
            + " it stays listed as `deleted`. A recording still recording is refused (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "No streamer role, or an admin deleting another tenant's recording",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recording in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is still recording",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        service.delete(caller(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/download")
    @Produces({MP4, Problem.MEDIA_TYPE})
    @Operation(operationId = "downloadRecording", summary = "Download a recording as one MP4",
            description = "A progressive MP4 (moov first), made from the stored segments without re-encoding and streamed;"
                    + " `Content-Length` is known and byte ranges are served.")
    @APIResponse(responseCode = "200", description = "The MP4")
    @APIResponse(responseCode = "206", description = "A byte range of it")
    @APIResponse(responseCode = "409", description = "It is still recording",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(@PathParam("id") String id, @HeaderParam("Range") String range, UriInfo uri) {
        RecordingService.Mp4Download download = service.download(caller(), id);
        List<FileBody.Piece> pieces = new ArrayList<>();
        pieces.add(FileBody.Piece.of(download.layout().header()));
        for (ProgressiveMp4.Piece piece : download.layout().pieces()) {
            pieces.add(FileBody.Piece.of(download.segmentKeys().get(piece.segment()), piece.offset(), piece.length()));
        }
        return Response.fromResponse(new FileBody(store, pieces).respond(MP4, "private, max-age=3600", range, uri))
                .header("Content-Disposition", "attachment; filename=\"" + id + ".mp4\"").build();
    }

    private Caller caller() {
        return callers.resolve(identity);
    }
}
