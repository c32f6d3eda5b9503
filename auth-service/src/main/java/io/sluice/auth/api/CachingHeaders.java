package io.sluice.auth.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * How the API's answers may be cached. One that carries a stream key must not be kept anywhere, by a
 * browser, a proxy or a client library's cache ({@code no-store}, and {@code Pragma: no-cache} for
 * HTTP/1.0 caches); it is told by its body, so no endpoint can forget. Every other answer is the caller's
 * own ({@code private}: no shared cache may keep it) and may change at any moment, the status with every
 * session event, so a private cache must ask again before reusing it ({@code no-cache}).
 */
public class CachingHeaders {

    static final String NO_STORE = "no-store";
    static final String PRIVATE_NO_CACHE = "private, no-cache";

    @ServerResponseFilter
    public void cacheControl(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getRequestUri().getPath().startsWith("/v1/")) {
            return;
        }
        if (response.getEntity() instanceof LiveStreamView view && view.streamKey() != null) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
            response.getHeaders().putSingle("Pragma", "no-cache");
        } else {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PRIVATE_NO_CACHE);
        }
    }
}
