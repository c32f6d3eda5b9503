package io.sluice.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sluice.console.client.ApiException;
import io.sluice.console.client.ServiceUnreachableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when a page cannot be made: "not found" for a stream that does not exist or is another
 * tenant's (the API answers both alike), the service's own sentence for other refusals, and which service is
 * unreachable when one is. A panel refreshed by the page's script gets the sentence alone, shown in place.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance problem(String sentence);

        static native TemplateInstance inline(String sentence);
    }

    @ServerExceptionMapper
    public Response refused(ApiException e, HttpHeaders headers) {
        if (e.notFound()) {
            return page(404, fragment(headers) ? Templates.inline("Not found: this live stream does not exist or is not yours.")
                    : Templates.notFound());
        }
        return page(e.status(), fragment(headers) ? Templates.inline(e.sentence()) : Templates.problem(e.sentence()));
    }

    @ServerExceptionMapper
    public Response unreachable(ServiceUnreachableException e, HttpHeaders headers) {
        LOG.warnf("%s", e.getMessage());
        return page(503, fragment(headers) ? Templates.inline(e.sentence()) : Templates.problem(e.sentence()));
    }

    /** The page's script asks for panels with this header, the one Quarkus OIDC also knows a script by. */
    private static boolean fragment(HttpHeaders headers) {
        return "JavaScript".equals(headers.getHeaderString("X-Requested-With"));
    }

    private static Response page(int status, TemplateInstance body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body.render()).build();
    }
}
