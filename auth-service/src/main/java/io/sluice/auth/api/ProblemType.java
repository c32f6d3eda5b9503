package io.sluice.auth.api;

import java.net.URI;

/**
 * Every kind of error the API answers, each with a stable {@code type} URI (RFC 9457): clients branch on
 * the type, never on the title or detail text.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "The request is not valid"),
    MALFORMED_BODY("malformed-body", 400, "The request body is not valid JSON for this operation"),
    UNAUTHORIZED("unauthorized", 401, "A valid bearer token is required"),
    FORBIDDEN("forbidden", 403, "The caller may not do this"),
    NO_TENANT("no-tenant", 403, "The token names no tenant"),
    INVALID_TENANT("invalid-tenant", 403, "The token's tenant claim is not a usable tenant name"),
    INVALID_SUBJECT("invalid-subject", 403, "The token's subject is not a usable name"),
    LIVE_STREAM_NOT_FOUND("live-stream-not-found", 404, "No such live stream"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "The resource does not support this method"),
    NOT_ACCEPTABLE("not-acceptable", 406, "The resource cannot produce the requested media type"),
    PRECONDITION_FAILED("precondition-failed", 412, "The stream has changed since the version the request names"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request body's media type is not supported"),
    INTERNAL("internal", 500, "The service failed to handle the request");

    /** The prefix of every type URI. */
    public static final String URN_PREFIX = "urn:sluice:problem:";

    private final URI type;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.type = URI.create(URN_PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
