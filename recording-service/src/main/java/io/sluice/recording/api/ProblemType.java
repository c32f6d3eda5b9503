package io.sluice.recording.api;

import java.net.URI;

/**
 * Every kind of error the service answers, each with a stable {@code type} URI (RFC 9457), the same style and,
 * where they mean the same, the same types as auth-service: clients branch on the type.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "The request is not valid"),
    UNAUTHORIZED("unauthorized", 401, "A valid bearer token is required"),
    FORBIDDEN("forbidden", 403, "The caller may not do this"),
    NO_TENANT("no-tenant", 403, "The token names no tenant"),
    INVALID_TENANT("invalid-tenant", 403, "The token's tenant claim is not a usable tenant name"),
    RECORDING_NOT_FOUND("recording-not-found", 404, "No such recording"),
    PLAYBACK_NOT_FOUND("playback-not-found", 404, "Nothing to play here"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "The resource does not support this method"),
    NOT_ACCEPTABLE("not-acceptable", 406, "The resource cannot produce the requested media type"),
    RECORDING_IN_PROGRESS("recording-in-progress", 409, "The recording is still recording"),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", 416, "The requested range lies outside the file"),
    INTERNAL("internal", 500, "The service failed to handle the request"),
    NOT_YET_AVAILABLE("not-yet-available", 503, "What was asked for is not there yet"),
    STORAGE_UNAVAILABLE("storage-unavailable", 503, "The recording storage cannot be reached");

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
