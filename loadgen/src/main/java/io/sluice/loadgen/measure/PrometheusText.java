package io.sluice.loadgen.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of one scrape in the Prometheus text exposition format, read well enough for the counters and
 * histograms the ingest service publishes: {@code name{label="value",...} number}.
 */
public final class PrometheusText {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            samples.add(parseLine(line));
        }
        return new PrometheusText(samples);
    }

    /** The sum of every sample named {@code name} whatever its labels; 0 when there is none. */
    public double sum(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).sum();
    }

    /** Whether a sample named {@code name} is present. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /**
     * The cumulative bucket counts of histogram {@code name} ({@code name_bucket{le=...}}), summed over its
     * other labels, by upper bound; {@code +Inf} is {@link Double#POSITIVE_INFINITY}.
     */
    public TreeMap<Double, Double> buckets(String name) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Sample sample : samples) {
            String le = sample.labels().get("le");
            if (sample.name().equals(name + "_bucket") && le != null) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, sample.value(), Double::sum);
            }
        }
        return buckets;
    }

    private static Sample parseLine(String line) {
        int brace = line.indexOf('{');
        int space;
        Map<String, String> labels = new TreeMap<>();
        String name;
        if (brace >= 0 && brace < line.indexOf(' ')) {
            name = line.substring(0, brace);
            int close = line.indexOf('}', brace);
            parseLabels(line.substring(brace + 1, close), labels);
            space = close + 1;
        } else {
            space = line.indexOf(' ');
            name = line.substring(0, space);
        }
        String[] rest = line.substring(space).trim().split("\\s+");
        return new Sample(name, labels, parseValue(rest[0]));
    }

    private static void parseLabels(String text, Map<String, String> labels) {
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            String label = text.substring(i, equals).trim();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (text.charAt(j) != '"') {
                if (text.charAt(j) == '\\') {
                    j++;
                }
                value.append(text.charAt(j++));
            }
            labels.put(label, value.toString());
            i = j + 1;
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
            }
        }
    }

    private static double parseValue(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
