package io.sluice.console.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Changes come only from the console's own pages. The session cookie is SameSite=Lax, which already keeps
 * other sites' forms from carrying it; this checks the {@code Origin} browsers send with every form post as
 * well, so a change from anywhere else is refused even by a browser that ignores SameSite.
 */
public class SameOriginFilter {

    @ServerRequestFilter
    public Response checkOrigin(ContainerRequestContext request, HttpServerRequest http) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && sameHost(origin, http.authority() == null ? null : http.authority().toString())) {
            return null;
        }
        return Response.status(403).type("text/plain").entity("Changes are accepted from the console's own pages only.").build();
    }

    static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                // "null": the origin of a sandboxed frame or a privacy-sensitive redirect, never the console.
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
