package io.sluice.auth.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.sluice.auth.domain.IssuedKey;
import io.sluice.auth.domain.LiveStreamService;
import io.sluice.auth.domain.LiveStreamState;
import io.sluice.auth.domain.Page;
import io.sluice.auth.security.Caller;
import io.sluice.auth.security.CallerResolver;
import io.sluice.auth.storage.StreamSessionEntity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Live streams and their keys. Every operation is confined to the caller's tenant: another tenant's
 * stream answers 404 exactly like a stream that does not exist (admins may read, not change, any tenant's).
 */
@Path("/v1/live-streams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live streams", description = "Create live streams, get their keys and ingest URLs, follow their sessions")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", value = LiveStreamResource.UNAUTHORIZED_EXAMPLE)))
public class LiveStreamResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String UNAUTHORIZED_EXAMPLE = """
            {"type":"urn:sluice:problem:unauthorized","title":"A valid bearer token is required","status":401,
             "instance":"/v1/live-streams"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type":"urn:sluice:problem:live-stream-not-found","title":"No such live stream","status":404,
             "detail":"No live stream ls_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d",
             "instance":"/v1/live-streams/ls_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d"}""";
    static final String VALIDATION_EXAMPLE = """
            {"type":"urn:sluice:problem:validation","title":"The request is not valid","status":400,
             "detail":"reconnect_window_seconds must be less than or equal to 1800","instance":"/v1/live-streams",
             "errors":[{"field":"reconnect_window_seconds","message":"must be less than or equal to 1800"}]}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type":"urn:sluice:problem:forbidden","title":"The caller may not do this","status":403,
             "detail":"Creating and changing live streams needs the streamer role","instance":"/v1/live-streams"}""";
    static final String CREATED_EXAMPLE = """
            {"id":"ls_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d","name":"Friday show","tenant":"acme","status":"idle",
             "ingest":{"rtmps_url":"rtmps://localhost:1936/live","rtmp_url":"rtmp://localhost:1935/live"},
             "playback_id":"pb_9a8b7c6d5e4f30211f2e3d4c5b6a7988",
             "playback_url":"http://localhost:8082/v1/playback/pb_9a8b7c6d5e4f30211f2e3d4c5b6a7988/index.m3u8",
             "reconnect_window_seconds":60,"recording":true,"max_continuous_duration_seconds":43200,
             "max_bitrate_kbps":0,"passthrough":null,"created_at":"2026-11-24T15:14:53.123456Z",
             "updated_at":"2026-11-24T15:14:53.123456Z","active_session":null,
             "stream_key":"sluice_sk_4mKx0Vb0o1cOQy8Q2Yl3lq3dXc0tZ3pS9w7Jm8n2Hk4"}""";

    static final String SESSIONS_EXAMPLE = """
            {"data":[{"id":"ss_Wm9vbUJyaWRnZTEy","started_at":"2026-11-24T15:20:01.250Z","ended_at":"2026-11-24T16:02:44.901Z",
              "end_reason":"client_closed","end_detail":"encoder sent deleteStream","client_address":"203.0.113.7:50412",
              "protocol":"rtmps","tls_version":"TLSv1.3","encoder":"FMLE/3.0 (compatible; FMSc/1.0)",
              "ingest_instance":"ingest-7c9f5d-2","bytes_in":1073741824,"video_frames":76860,"audio_frames":120094,
              "video_codec":"avc1","audio_codec":"mp4a","stats_at":"2026-11-24T16:02:40Z","bitrate_kbps":4500,
              "width":1920,"height":1080,"video_frame_rate":30.0,"keyframe_interval_ms":2000,"audio_sample_rate":48000,
              "audio_channels":2}],
             "next_cursor":null}""";
    static final String ETAG_DESCRIPTION = "The stream's version, for `If-Match`; every change a caller can see makes a new one";
    static final String IF_MATCH_DESCRIPTION = "Change the stream only if it is still at one of these versions (its `ETag`),"
            + " else 412 precondition-failed; `*` or no header: whatever its version";
    static final String PRECONDITION_FAILED_EXAMPLE = """
            {"type":"urn:sluice:problem:precondition-failed","title":"The stream has changed since the version the request names",
             "status":412,"detail":"Live stream ls_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d is at version 4, not the one If-Match names",
             "instance":"/v1/live-streams/ls_3f6c1d0a9b8e4f7a8c2d5e6f7a8b9c0d"}""";

    private final LiveStreamService service;
    private final LiveStreamViews views;
    private final CallerResolver callers;
    private final SecurityIdentity identity;

    LiveStreamResource(LiveStreamService service, LiveStreamViews views, CallerResolver callers, SecurityIdentity identity) {
        this.service = service;
        this.views = views;
        this.callers = callers;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createLiveStream", summary = "Create a live stream",
            description = "Needs the streamer role. The answer holds `stream_key`: the only time the key is shown.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new stream",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveStreamView.class),
                    examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "No streamer role, or no tenant in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = FORBIDDEN_EXAMPLE)))
    public Response create(@Valid @NotNull CreateLiveStreamRequest body, UriInfo uri) {
        IssuedKey issued = service.create(caller(), body.toSpec());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.state().stream().id).build())
                .tag(EntityTags.of(issued.state().stream().version))
                .entity(views.of(issued)).build();
    }

    @GET
    @Operation(operationId = "listLiveStreams", summary = "List live streams",
            description = "Newest first, in pages. Admins see every tenant's, or one tenant's with `tenant`.")
    @APIResponse(responseCode = "200", description = "A page of streams")
    @APIResponse(responseCode = "400", description = "An invalid query parameter; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LiveStreamPage list(
            @Parameter(description = "Only streams in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"idle", "active", "disabled"}))
            @QueryParam("status") String status,
            @Parameter(description = "Admins: only this tenant's streams. Others see only their own tenant's anyway.")
            @QueryParam("tenant") String tenant,
            @Parameter(description = "`next_cursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + QueryParameters.MAX_LIMIT, defaultValue = "" + QueryParameters.DEFAULT_LIMIT))
            @QueryParam("limit") String limit) {
        Page<LiveStreamState> page = service.list(caller(), QueryParameters.status(status), QueryParameters.tenant(tenant),
                cursor, QueryParameters.limit(limit));
        return new LiveStreamPage(page.items().stream().map(views::of).toList(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getLiveStream", summary = "Get a live stream")
    @APIResponse(responseCode = "200", description = "The stream, without its key",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveStreamView.class)))
    @APIResponse(responseCode = "404", description = "No such stream in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    public Response get(@PathParam("id") String id) {
        return tagged(service.get(caller(), id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(operationId = "updateLiveStream", summary = "Change a live stream's settings",
            description = "A JSON merge patch (RFC 7396), as `application/merge-patch+json` or `application/json`: absent fields"
                    + " stay as they are, `\"passthrough\": null` removes it, null for any other field is a validation error."
                    + " A patch that changes nothing changes neither `updated_at` nor the ETag. Limits, reconnect window and"
                    + " recording reach ingest through the key registry.")
    @APIResponse(responseCode = "200", description = "The changed stream",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveStreamView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "No streamer role, or another tenant's stream seen by an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such stream in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` names another version; the answer's `ETag` is the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition failed", value = PRECONDITION_FAILED_EXAMPLE)))
    public Response update(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, examples = "\"3\""))
            @HeaderParam(EntityTags.IF_MATCH) List<String> ifMatch, @Valid @NotNull UpdateLiveStreamRequest body) {
        return tagged(service.update(caller(), id, body.toSpec(), EntityTags.ifMatch(ifMatch)));
    }

    @POST
    @Path("{id}/rotate-key")
    @Operation(operationId = "rotateStreamKey", summary = "Issue a new stream key",
            description = "The answer holds the new `stream_key`, shown only this once. The old key stops working on every ingest instance within a second; a session using it is ended.")
    @APIResponse(responseCode = "200", description = "The stream with its new key",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveStreamView.class)))
    @APIResponse(responseCode = "403", description = "No streamer role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such stream in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` names another version; the answer's `ETag` is the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition failed", value = PRECONDITION_FAILED_EXAMPLE)))
    public Response rotateKey(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, examples = "\"3\""))
            @HeaderParam(EntityTags.IF_MATCH) List<String> ifMatch) {
        IssuedKey issued = service.rotateKey(caller(), id, EntityTags.ifMatch(ifMatch));
        return Response.ok(views.of(issued)).tag(EntityTags.of(issued.state().stream().version)).build();
    }

    @POST
    @Path("{id}/disable")
    @Operation(operationId = "disableLiveStream", summary = "Disable a live stream",
            description = "Ingest refuses its key and ends a live session. Disabling a disabled stream changes nothing.")
    @APIResponse(responseCode = "200", description = "The stream, now `disabled`",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveStreamView.class)))
    @APIResponse(responseCode = "404", description = "No such stream in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` names another version; the answer's `ETag` is the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition failed", value = PRECONDITION_FAILED_EXAMPLE)))
    public Response disable(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, examples = "\"3\""))
            @HeaderParam(EntityTags.IF_MATCH) List<String> ifMatch) {
        return tagged(service.setEnabled(caller(), id, false, EntityTags.ifMatch(ifMatch)));
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableLiveStream", summary = "Enable a live stream",
            description = "Its key works again. Enabling an enabled stream changes nothing.")
    @APIResponse(responseCode = "200", description = "The stream, `idle` or `active` again",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveStreamView.class)))
    @APIResponse(responseCode = "404", description = "No such stream in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` names another version; the answer's `ETag` is the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition failed", value = PRECONDITION_FAILED_EXAMPLE)))
    public Response enable(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, examples = "\"3\""))
            @HeaderParam(EntityTags.IF_MATCH) List<String> ifMatch) {
        return tagged(service.setEnabled(caller(), id, true, EntityTags.ifMatch(ifMatch)));
    }

    @DELETE
    @Path("{id}")
    // Only its errors have a body: a client that accepts just problem documents (as generated clients do) is served.
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "deleteLiveStream", summary = "Delete a live stream",
            description = "Its key stops working and its session history is deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such stream in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` names another version; the answer's `ETag` is the current one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "precondition failed", value = PRECONDITION_FAILED_EXAMPLE)))
    public Response delete(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, examples = "\"3\""))
            @HeaderParam(EntityTags.IF_MATCH) List<String> ifMatch) {
        service.delete(caller(), id, EntityTags.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/sessions")
    @Operation(operationId = "listLiveStreamSessions", summary = "A live stream's sessions",
            description = "Newest first, in the order the sessions became known: start, end and why, client address,"
                    + " protocol and TLS version, encoder, ingest instance, bytes and frames, codecs, and the last measured"
                    + " bitrate, picture size, frame rate, keyframe interval and audio format of each.")
    @APIResponse(responseCode = "200", description = "A page of sessions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionPage.class),
                    examples = @ExampleObject(name = "sessions", value = SESSIONS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An invalid query parameter; `errors` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such stream in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionPage sessions(@PathParam("id") String id,
            @Parameter(description = "`next_cursor` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + QueryParameters.MAX_LIMIT, defaultValue = "" + QueryParameters.DEFAULT_LIMIT))
            @QueryParam("limit") String limit) {
        Page<StreamSessionEntity> page = service.sessions(caller(), id, cursor, QueryParameters.limit(limit));
        return new SessionPage(page.items().stream().map(views::session).toList(), page.nextCursor());
    }

    private Response tagged(LiveStreamState state) {
        return Response.ok(views.of(state)).tag(EntityTags.of(state.stream().version)).build();
    }

    private Caller caller() {
        return callers.resolve(identity);
    }
}
