package io.sluice.ingest.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample of the application's Prometheus metrics. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of {@code name{tag="value"}} (any sample of {@code name} when the tag is ""), 0 when absent. */
    public static double value(String name, String tag, String tagValue) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String tagPattern = tag.isEmpty() ? "" : Pattern.quote(tag + "=\"" + tagValue + "\"");
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*" + tagPattern + "[^}]*})? ([0-9.eE+-]+)$")
                .matcher(body);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    /** Every refusal and protocol error, whatever its reason. */
    public static double allRefusals() {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^sluice_ingest_refusals_total\\{[^}]*} ([0-9.eE+-]+)$").matcher(body);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    public static double refusals(String reason) {
        return value("sluice_ingest_refusals_total", "reason", reason);
    }
}
