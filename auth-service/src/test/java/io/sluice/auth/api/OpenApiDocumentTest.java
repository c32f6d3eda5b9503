package io.sluice.auth.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.testkit.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi/auth-service.yaml} is exactly the document the service serves at {@code /q/openapi}: it
 * is what the Java client of {@code GeneratedClientTest} is generated from at build time, and what a user
 * generates a client from without running the service. After an API change, copy
 * {@code auth-service/target/openapi/auth-service.yaml} (written by a failing run) over it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        String served = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        Path committed = TestStack.root().resolve("docs/openapi/auth-service.yaml");

        if (!Files.isRegularFile(committed) || !Files.readString(committed, StandardCharsets.UTF_8).equals(served)) {
            Path actual = Path.of("target", "openapi", "auth-service.yaml");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, served, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("docs/openapi/auth-service.yaml; the served one is in auth-service/target/openapi/")
                .hasContent(served);
    }
}
