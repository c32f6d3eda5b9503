package io.sluice.auth.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.sluice.auth.domain.AccessDeniedException;
import io.sluice.auth.domain.InvalidParameterException;
import io.sluice.auth.domain.LiveStreamNotFoundException;
import io.sluice.auth.domain.PreconditionFailedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an {@code application/problem+json} response with a stable type. */
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    @ServerExceptionMapper
    public Response notFound(LiveStreamNotFoundException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.LIVE_STREAM_NOT_FOUND, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(ProblemType.PRECONDITION_FAILED, e.getMessage(), path(uri))))
                .tag(EntityTags.of(e.currentVersion())).build();
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e, UriInfo uri) {
        ProblemType type = switch (e.reason()) {
            case NO_TENANT -> ProblemType.NO_TENANT;
            case INVALID_TENANT -> ProblemType.INVALID_TENANT;
            case INVALID_SUBJECT -> ProblemType.INVALID_SUBJECT;
            case NOT_A_STREAMER, OTHER_TENANT, NOT_AN_ADMIN -> ProblemType.FORBIDDEN;
        };
        return respond(Problem.of(type, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return validation(List.of(new Problem.FieldError(e.field(), e.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ResteasyReactiveViolationException e, UriInfo uri) {
        boolean ownFault = e.getConstraintViolations().stream().anyMatch(violation ->
                StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                        .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE));
        if (ownFault) {
            LOG.error("A response failed its own constraints", e);
            return respond(Problem.of(ProblemType.INTERNAL, null, path(uri)));
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return validation(errors, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidNullException nullField) {
            return nullField(nullField, uri);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            Problem problem = new Problem(ProblemType.MALFORMED_BODY.type(), ProblemType.MALFORMED_BODY.title(), 400,
                    field + " has the wrong type or is not a known field", path(uri),
                    List.of(new Problem.FieldError(field, "has the wrong type or is not a known field")));
            return respond(problem);
        }
        return respond(Problem.of(ProblemType.MALFORMED_BODY, "The body is not a JSON document", path(uri)));
    }

    /** {@code null} for a field of a merge patch that cannot be removed ({@code @JsonSetter(nulls = FAIL)}). */
    @ServerExceptionMapper
    public Response nullField(InvalidNullException e, UriInfo uri) {
        return validation(List.of(new Problem.FieldError(jsonPath(e), "must not be null")), uri);
    }

    /** Named on its own so that it wins over the JSON provider's built-in mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
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
        // The JSON body reader reports unparsable input this way, with Jackson's error as the cause.
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
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

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static Response validation(List<Problem.FieldError> errors, UriInfo uri) {
        String detail = errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
        return respond(new Problem(ProblemType.VALIDATION.type(), ProblemType.VALIDATION.title(), 400, detail, path(uri), errors));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /**
     * The JSON name of the violated field: the last bean property, in snake_case as the body spells it, or
     * the name of a query parameter ({@code limit}).
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name == null ? "body" : snakeCase(name);
    }

    private static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
