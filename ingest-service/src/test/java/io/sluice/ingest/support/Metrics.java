package io.sluice.ingest.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples of the application's Prometheus metrics. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The value of {@code name{tag="value"}} (any sample of {@code name} when the tag is ""). A metric that
     * is not there fails the test: a gauge or timer that disappeared must not read as 0.
     */
    public static double value(String name, String tag, String tagValue) {
        return find(name, tag, tagValue).orElseThrow(() -> new AssertionError("no metric " + name
                + (tag.isEmpty() ? "" : "{" + tag + "=\"" + tagValue + "\"}") + " at /q/metrics"));
    }

    /**
     * A counter's value, 0 while it is not there: counters with a tag appear with their first increment,
     * so "not yet counted" and 0 are the same. A test that expects a count still fails when it stays absent.
     */
    public static double counter(String name, String tag, String tagValue) {
        return find(name, tag, tagValue).orElse(0.0);
    }

    /** Every refusal and protocol error counted so far, by reason. */
    public static Map<String, Double> refusalsByReason() {
        Matcher m = Pattern.compile("(?m)^sluice_ingest_refusals_total\\{[^}]*reason=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$").matcher(body());
        Map<String, Double> byReason = new TreeMap<>();
        while (m.find()) {
            byReason.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return byReason;
    }

    /** The refusals counted since {@code before} (a {@link #refusalsByReason()}), by reason; reasons not counted left out. */
    public static Map<String, Double> refusalsSince(Map<String, Double> before) {
        Map<String, Double> since = new TreeMap<>();
        refusalsByReason().forEach((reason, count) -> {
            double added = count - before.getOrDefault(reason, 0.0);
            if (added != 0) {
                since.put(reason, added);
            }
        });
        return since;
    }

    /** The upper bounds ({@code le}) of a histogram's buckets, {@code +Inf} left out. */
    public static List<Double> bucketBounds(String bucketSeries) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(bucketSeries) + "\\{[^}]*le=\"([0-9.eE+-]+)\"").matcher(body());
        List<Double> bounds = new ArrayList<>();
        while (m.find()) {
            bounds.add(Double.parseDouble(m.group(1)));
        }
        return bounds;
    }

    public static double refusals(String reason) {
        return counter("sluice_ingest_refusals_total", "reason", reason);
    }

    /** The value of {@code name{tag="value"}} (any sample when the tag is ""), if it is there at all. */
    public static Optional<Double> find(String name, String tag, String tagValue) {
        String tagPattern = tag.isEmpty() ? "" : Pattern.quote(tag + "=\"" + tagValue + "\"");
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*" + tagPattern + "[^}]*})? ([0-9.eE+-]+)$")
                .matcher(body());
        return m.find() ? Optional.of(Double.parseDouble(m.group(2))) : Optional.empty();
    }

    private static String body() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
