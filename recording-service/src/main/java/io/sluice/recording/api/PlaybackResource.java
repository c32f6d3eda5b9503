package io.sluice.recording.api;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.sluice.recording.domain.PlaybackService;
import io.sluice.recording.domain.PlaybackService.MediaFile;
import io.sluice.recording.domain.PlaybackService.PlaylistAnswer;
import io.sluice.recording.domain.Recording;
import io.sluice.recording.objects.ObjectStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public HLS playback by playback id, without a token (playback ids are public, like Mux's public playback
 * policy). {@code index.m3u8} plays the stream's newest recording: Low-Latency HLS while it is live, the whole
 * recording once it is ready. Every recording also has its own playlist under its id. Held requests (blocking
 * reloads, the preload-hinted part) wait on virtual threads.
 */
@Path("/v1/playback/{playback_id}")
@Tag(name = "Playback", description = "HLS playback of live streams and recordings: public, by playback id")
@SecurityRequirements   // none: playback ids are public
@APIResponse(responseCode = "404", description = "No such playback id, recording or file")
public class PlaybackResource {

    static final String PLAYLIST = "application/vnd.apple.mpegurl";
    static final String SEGMENT = "video/iso.segment";
    static final String INIT = "video/mp4";
    /** A live playlist changes with every part: a second at most in a cache. */
    static final String LIVE_PLAYLIST_CACHE = "public, max-age=1";
    static final String COMPLETE_PLAYLIST_CACHE = "public, max-age=300";
    /** A stored file never changes under its name. */
    static final String FILE_CACHE = "public, max-age=31536000, immutable";

    private final PlaybackService playback;
    private final ObjectStore store;

    PlaybackResource(PlaybackService playback, ObjectStore store) {
        this.playback = playback;
        this.store = store;
    }

    @GET
    @Path("index.m3u8")
    @RunOnVirtualThread
    @Operation(operationId = "getLiveMediaPlaylist", summary = "The stream's media playlist",
            description = "While the stream is live: Low-Latency HLS, with blocking reload (`_HLS_msn`, `_HLS_part`)."
                    + " After it ended: the whole newest recording, with EXT-X-ENDLIST.")
    @APIResponse(responseCode = "200", description = "The playlist")
    @APIResponse(responseCode = "400", description = "A malformed `_HLS_msn`/`_HLS_part`, or one too far ahead")
    @APIResponse(responseCode = "503", description = "The requested part did not arrive within the blocking timeout")
    public Response streamPlaylist(@PathParam("playback_id") String playbackId,
            @Parameter(description = "Blocking reload: answer once this segment is there") @QueryParam("_HLS_msn") String msn,
            @Parameter(description = "Blocking reload: answer once this part of `_HLS_msn` is there") @QueryParam("_HLS_part") String part) {
        PlaybackService.BlockingRequest blocking = QueryParameters.blocking(msn, part);
        Recording recording = playback.latest(playbackId);
        return playlist(playback.mediaPlaylist(recording, recording.id() + "/", blocking));
    }

    @GET
    @Path("playlist.m3u8")
    @RunOnVirtualThread
    @Operation(operationId = "getLiveMultivariantPlaylist", summary = "The stream's multivariant playlist",
            description = "CODECS and RESOLUTION of the newest recording, naming index.m3u8.")
    @APIResponse(responseCode = "200", description = "The playlist")
    public Response streamMultivariant(@PathParam("playback_id") String playbackId) {
        Recording recording = playback.latest(playbackId);
        return Response.ok(playback.multivariant(recording, "index.m3u8"), PLAYLIST)
                .header(HttpHeaders.CACHE_CONTROL, LIVE_PLAYLIST_CACHE).build();
    }

    @GET
    @Path("{recording_id}/index.m3u8")
    @RunOnVirtualThread
    @Operation(operationId = "getRecordingMediaPlaylist", summary = "One recording's media playlist",
            description = "Live while it records, complete once it is ready.")
    @APIResponse(responseCode = "200", description = "The playlist")
    @APIResponse(responseCode = "400", description = "A malformed `_HLS_msn`/`_HLS_part`, or one too far ahead")
    @APIResponse(responseCode = "503", description = "The requested part did not arrive within the blocking timeout")
    public Response recordingPlaylist(@PathParam("playback_id") String playbackId,
            @PathParam("recording_id") String recordingId, @QueryParam("_HLS_msn") String msn,
            @QueryParam("_HLS_part") String part) {
        PlaybackService.BlockingRequest blocking = QueryParameters.blocking(msn, part);
        return playlist(playback.mediaPlaylist(playback.recording(playbackId, recordingId), "", blocking));
    }

    @GET
    @Path("{recording_id}/playlist.m3u8")
    @RunOnVirtualThread
    @Operation(operationId = "getRecordingMultivariantPlaylist", summary = "One recording's multivariant playlist")
    @APIResponse(responseCode = "200", description = "The playlist")
    public Response recordingMultivariant(@PathParam("playback_id") String playbackId,
            @PathParam("recording_id") String recordingId) {
        Recording recording = playback.recording(playbackId, recordingId);
        return Response.ok(playback.multivariant(recording, "index.m3u8"), PLAYLIST)
                .header(HttpHeaders.CACHE_CONTROL, LIVE_PLAYLIST_CACHE).build();
    }

    @GET
    @Path("{recording_id}/{file}")
    @RunOnVirtualThread
    @Operation(operationId = "getRecordingMediaFile", summary = "An init segment, segment or part of a recording",
            description = "`init-<period>.mp4`, `seg-<n>.m4s`, `seg-<n>.<part>.m4s`. Byte ranges are served. The part"
                    + " a live playlist's preload hint names is held until it is written.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "206", description = "The requested byte range")
    @APIResponse(responseCode = "416", description = "A byte range outside the file")
    public Response file(@PathParam("playback_id") String playbackId, @PathParam("recording_id") String recordingId,
            @PathParam("file") String file, @HeaderParam("Range") String range, UriInfo uri) {
        MediaFile media = playback.file(playback.recording(playbackId, recordingId), file);
        return new FileBody(store, List.of(FileBody.Piece.of(media.key(), 0, media.size())))
                .respond(media.init() ? INIT : SEGMENT, FILE_CACHE, range, uri);
    }

    private static Response playlist(PlaylistAnswer answer) {
        return Response.ok(answer.text(), PLAYLIST)
                .header(HttpHeaders.CACHE_CONTROL, answer.live() ? LIVE_PLAYLIST_CACHE : COMPLETE_PLAYLIST_CACHE).build();
    }
}
