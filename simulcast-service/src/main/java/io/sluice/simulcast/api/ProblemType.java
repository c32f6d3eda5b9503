package io.sluice.simulcast.api;

import java.net.URI;

/**
 * Every kind of error the service answers, each with a stable {@code type} URI (RFC 9457), the same types as
 * auth-service where they mean the same: clients branch on the type.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "The request is not valid"),
    MALFORMED_BODY("malformed-body", 400, "The request body is not valid JSON for this operation"),
    UNAUTHORIZED("unauthorized", 401, "A valid bearer token is required"),
    FORBIDDEN("forbidden", 403, "The caller may not do this"),
    NO_TENANT("no-tenant", 403, "The token names no tenant"),
    INVALID_TENANT("invalid-tenant", 403, "The token's tenant claim is not a usable tenant name"),
    TARGET_NOT_FOUND("simulcast-target-not-found", 404, "No such live stream or simulcast target"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "The resource does not support this method"),
    NOT_ACCEPTABLE("not-acceptable", 406, "The resource cannot produce the requested media type"),
    TOO_MANY_TARGETS("too-many-simulcast-targets", 409, "The live stream has as many simulcast targets as it may have"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request body's media type is not supported"),
    INTERNAL("internal", 500, "The service failed to handle the request");

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
