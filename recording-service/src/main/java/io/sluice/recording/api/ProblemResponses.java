package io.sluice.recording.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.sluice.recording.domain.AccessDeniedException;
import io.sluice.recording.domain.InvalidParameterException;
import io.sluice.recording.domain.PlaybackNotFoundException;
import io.sluice.recording.domain.PlaybackNotYetException;
import io.sluice.recording.domain.PlaybackRequestTooFarException;
import io.sluice.recording.domain.RecordingInProgressException;
import io.sluice.recording.domain.RecordingNotFoundException;
import io.sluice.recording.objects.StoreUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an {@code application/problem+json} response with a stable type. */
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    @ServerExceptionMapper
    public Response recordingNotFound(RecordingNotFoundException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.RECORDING_NOT_FOUND, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response playbackNotFound(PlaybackNotFoundException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.PLAYBACK_NOT_FOUND, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response inProgress(RecordingInProgressException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.RECORDING_IN_PROGRESS, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response tooFar(PlaybackRequestTooFarException e, UriInfo uri) {
        return validation(new Problem.FieldError("_HLS_msn", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response notYet(PlaybackNotYetException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(ProblemType.NOT_YET_AVAILABLE, e.getMessage(), path(uri))))
                .header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response storageUnavailable(StoreUnavailableException e, UriInfo uri) {
        LOG.warnf("Request %s: %s", path(uri), e.getMessage());
        return Response.fromResponse(respond(Problem.of(ProblemType.STORAGE_UNAVAILABLE, null, path(uri))))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e, UriInfo uri) {
        ProblemType type = switch (e.reason()) {
            case NO_TENANT -> ProblemType.NO_TENANT;
            case INVALID_TENANT -> ProblemType.INVALID_TENANT;
            case NOT_A_STREAMER, OTHER_TENANT -> ProblemType.FORBIDDEN;
        };
        return respond(Problem.of(type, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return validation(new Problem.FieldError(e.field(), e.getMessage()), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(ProblemType.UNAUTHORIZED, null, path(uri))))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, null, path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        ProblemType type = switch (e.getResponse().getStatus()) {
            case 400 -> ProblemType.VALIDATION;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            default -> null;
        };
        if (type == null) {
            return unexpected(e, uri);
        }
        return respond(Problem.of(type, null, path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Request %s failed", path(uri));
        return respond(Problem.of(ProblemType.INTERNAL, null, path(uri)));
    }

    /** A 416 for a range outside a file of {@code size} bytes. */
    static Response rangeNotSatisfiable(long size, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(ProblemType.RANGE_NOT_SATISFIABLE,
                "The file has " + size + " bytes", path(uri)))).header("Content-Range", "bytes */" + size).build();
    }

    private static Response validation(Problem.FieldError error, UriInfo uri) {
        return respond(new Problem(ProblemType.VALIDATION.type(), ProblemType.VALIDATION.title(), 400,
                error.field() + " " + error.message(), path(uri), List.of(error)));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
