/**
 * The admin API, for operators: the sessions live on an instance, and ending one. Its OpenAPI document is
 * written by the build from the annotations here and on the resources, and served by
 * {@link io.sluice.ingest.admin.AdminApiDocument}.
 */
@OpenAPIDefinition(
        info = @Info(title = "Sluice ingest admin API", version = "1",
                description = "The live sessions of this ingest instance, for operators (the admin role). "
                        + "Errors are application/problem+json (RFC 9457).",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        // Relative: the API is served by the host that serves this document.
        servers = @Server(url = "/"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "SecurityScheme",
                description = "Authentication", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT")))
package io.sluice.ingest.admin;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
