package fr.sesame.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A Chart.js bar chart's configuration, as the JSON PrimeFaces' {@code p:chart} takes. PrimeFaces writes it
 * inside a script element unchanged, so every string is escaped for JSON and {@code <}, {@code >} and
 * {@code &} as well: no label can close the script. No animation (it tires some readers and proves nothing).
 */
public final class BarChart {

    /** The site's blue, green, red, grey and two more, each readable on white. */
    private static final List<String> COLOURS = List.of("#1d3f8f", "#146c2e", "#b00020", "#4a4a4a", "#8a4b08", "#6a1b9a");

    private final List<String> labels;
    private final List<Dataset> datasets = new ArrayList<>();
    private boolean stacked;
    private boolean percent;

    public BarChart(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    public BarChart series(String label, List<? extends Number> values) {
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException("One value per label");
        }
        datasets.add(new Dataset(label, List.copyOf(values)));
        return this;
    }

    /** The series stacked on each other: parts of one whole. */
    public BarChart stacked() {
        stacked = true;
        return this;
    }

    /** Values are percentages: the axis runs from 0 to 100. */
    public BarChart percent() {
        percent = true;
        return this;
    }

    public String json() {
        StringBuilder json = new StringBuilder("{\"type\":\"bar\",\"data\":{\"labels\":");
        strings(json, labels);
        json.append(",\"datasets\":[");
        for (int i = 0; i < datasets.size(); i++) {
            Dataset dataset = datasets.get(i);
            String colour = COLOURS.get(i % COLOURS.size());
            json.append(i == 0 ? "" : ",").append("{\"label\":");
            string(json, dataset.label());
            json.append(",\"data\":[");
            for (int j = 0; j < dataset.values().size(); j++) {
                json.append(j == 0 ? "" : ",").append(number(dataset.values().get(j)));
            }
            json.append("],\"backgroundColor\":\"").append(colour).append("\",\"borderColor\":\"").append(colour).append("\"}");
        }
        json.append("]},\"options\":{\"animation\":false,\"responsive\":true,\"maintainAspectRatio\":false,")
                .append("\"plugins\":{\"legend\":{\"display\":").append(datasets.size() > 1).append("}},")
                .append("\"scales\":{\"x\":{\"stacked\":").append(stacked).append("},\"y\":{\"stacked\":").append(stacked)
                .append(",\"beginAtZero\":true,\"ticks\":{\"precision\":0}");
        if (percent) {
            json.append(",\"max\":100");
        }
        return json.append("}}}}").toString();
    }

    private static String number(Number value) {
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "0";
        }
        return value instanceof Double || value instanceof Float ? String.valueOf(d) : String.valueOf(value.longValue());
    }

    private static void strings(StringBuilder json, List<String> values) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, values.get(i));
        }
        json.append(']');
    }

    static void string(StringBuilder json, String value) {
        json.append('"');
        for (char c : (value == null ? "" : value).toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private record Dataset(String label, List<? extends Number> values) {
    }
}
