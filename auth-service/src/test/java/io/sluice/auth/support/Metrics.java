package io.sluice.auth.support;

import static io.restassured.RestAssured.given;

/** Reads the service's Prometheus metrics as an operator's scraper does. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The value of the sample {@code name{labels}}, such as {@code sluice_auth_session_events_total} with
     * {@code outcome="rejected"}; 0 while the meter has not been created.
     */
    public static double value(String name, String label) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label) || line.startsWith(name + " ") && label.isEmpty()) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
