package io.sluice.simulcast.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.sluice.simulcast.domain.AccessDeniedException;
import io.sluice.simulcast.domain.InvalidTargetException;
import io.sluice.simulcast.domain.TargetNotFoundException;
import io.sluice.simulcast.domain.TooManyTargetsException;
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
    public Response notFound(TargetNotFoundException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.TARGET_NOT_FOUND, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyTargetsException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.TOO_MANY_TARGETS, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidTargetException e, UriInfo uri) {
        Problem.FieldError error = new Problem.FieldError(e.field(), e.getMessage());
        return respond(new Problem(ProblemType.VALIDATION.type(), ProblemType.VALIDATION.title(), 400,
                error.field() + " " + error.message(), path(uri), List.of(error)));
    }

    @ServerExceptionMapper
    public Response malformed(MalformedBodyException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.MALFORMED_BODY, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e, UriInfo uri) {
        ProblemType type = switch (e.reason()) {
            case NO_TENANT -> ProblemType.NO_TENANT;
            case INVALID_TENANT -> ProblemType.INVALID_TENANT;
            case NOT_A_STREAMER -> ProblemType.FORBIDDEN;
        };
        return respond(Problem.of(type, e.getMessage(), path(uri)));
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
            case 400 -> ProblemType.MALFORMED_BODY;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
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

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
