package io.sluice.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sluice.ingest.admin.SessionAdminResource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * The admin API's OpenAPI document, written by the build and served as it was written: in YAML by default, in
 * JSON when asked, and describing every operation of the resources with its security. (OperabilityTest lints
 * it.)
 */
@QuarkusTest
class AdminApiDocumentTest {

    @Test
    void theDocumentIsServedInYamlByDefaultAndInJsonWhenAsked() {
        String yaml = given().when().get("/q/openapi").then().statusCode(200)
                .contentType("application/yaml").extract().asString();
        assertThat(yaml).contains("openapi: 3.1.0").contains("title: Sluice ingest admin API");
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .contentType("application/json");
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .contentType("application/json");
        given().accept("application/json").queryParam("format", "yaml").when().get("/q/openapi").then()
                .statusCode(200).contentType("application/yaml");
    }

    @Test
    void everyOperationOfTheResourcesIsDescribedWithItsSecurity() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<Map<String, Object>> operations = paths.values().stream().flatMap(p -> p.values().stream()).toList();
        List<String> declared = Arrays.stream(SessionAdminResource.class.getDeclaredMethods())
                .map(m -> m.getAnnotation(Operation.class)).filter(o -> o != null).map(Operation::operationId).toList();

        assertThat(declared).hasSize(3);
        assertThat(operations).extracting(o -> o.get("operationId")).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(operations).allSatisfy(o -> assertThat(o.get("security"))
                .isEqualTo(List.of(Map.of("SecurityScheme", List.of()))));
        assertThat(document.getMap("components.securitySchemes.SecurityScheme"))
                .containsEntry("type", "http").containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
        assertThat(document.getList("servers.url")).containsExactly("/");
        assertThat(document.getString("info.license.name")).isEqualTo("Apache-2.0");
        assertThat(document.getMap("components.schemas.SessionView.properties")).containsKey("session_id");
    }
}
