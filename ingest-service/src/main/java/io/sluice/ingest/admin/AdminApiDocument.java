package io.sluice.ingest.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The admin API's OpenAPI document at {@code /q/openapi}: YAML, or JSON with {@code ?format=json} or
 * {@code Accept: application/json}.
 *
 * <p>The build writes the document from this package's annotations (its {@code package-info} and the
 * resources) with SmallRye OpenAPI's Maven plugin, into this package's resources, and the service serves those
 * bytes. Building it at every start instead, as Quarkus's OpenAPI extension does, loaded some 600 classes and
 * cost about 4 MB of an idle ingest's resident memory (docs/benchmarks.md) for a document that cannot change
 * after the build.
 */
@Singleton
public class AdminApiDocument {

    private static final String PATH = "/q/openapi";
    private static final String YAML = "application/yaml;charset=UTF-8";
    private static final String JSON = "application/json;charset=UTF-8";

    private final Buffer yaml = Buffer.buffer(resource("openapi.yaml"));
    private final Buffer json = Buffer.buffer(resource("openapi.json"));

    void serve(@Observes Router router) {
        router.get(PATH).handler(this::answer);
    }

    private void answer(RoutingContext request) {
        String format = request.queryParams().get("format");
        boolean asJson = format == null ? accepts(request, "application/json") : "json".equalsIgnoreCase(format);
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, asJson ? JSON : YAML).end(asJson ? json : yaml);
    }

    private static boolean accepts(RoutingContext request, String type) {
        String accept = request.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(type);
    }

    private static byte[] resource(String name) {
        try (InputStream in = AdminApiDocument.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the build wrote no " + name + " next to " + AdminApiDocument.class
                        + " (smallrye-open-api-maven-plugin, ingest-service/pom.xml)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
