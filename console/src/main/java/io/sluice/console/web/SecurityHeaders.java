package io.sluice.console.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page is the user's own and may hold a stream key: no cache keeps it. Scripts and styles come from
 * the console only; the player fetches playlists and media from the playback service, wherever it is.
 */
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; media-src 'self' blob: http: https:; connect-src 'self' http: https:; "
            + "worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'";

    @ServerResponseFilter
    public void add(ContainerResponseContext response) {
        response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        if (!response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
