package dev.flowline.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders run reports as JSON, by hand: the framework carries no JSON library. */
final class ReportJson {

    private ReportJson() {}

    static String run(RunReport run) {
        return "{" + field("pipeline", string(run.pipeline())) + "," + field("mode", string(run.mode())) + ","
                + field("state", string(run.state())) + ","
                + field("failure", run.failure().map(ReportJson::string).orElse("null")) + ","
                + field("sourceElements", run.sourceElements()) + "," + field("outputs", run.outputs()) + ","
                + field("elapsedMs", millis(run.elapsed())) + ","
                + field("throughputPerSecond", String.format(java.util.Locale.ROOT, "%.3f", run.throughput())) + ","
                + field("peakThreads", run.peakThreads()) + "," + field("peakHeapBytes", run.peakHeapBytes()) + ","
                + field("cpuTimeMs", millis(run.cpuTime())) + "," + field("conserved", run.conserved()) + ","
                + field("advice", strings(run.advice())) + ","
                + field("stages", run.stages().stream().map(ReportJson::stage).collect(Collectors.joining(",", "[", "]")))
                + "}";
    }

    static String stage(StageReport stage) {
        Latency latency = stage.latency();
        return "{" + field("name", string(stage.name())) + "," + field("kind", string(stage.kind())) + ","
                + field("placement", string(stage.placement())) + "," + field("concurrency", stage.concurrency()) + ","
                + field("in", stage.in()) + "," + field("out", stage.out()) + "," + field("filtered", stage.filtered())
                + "," + field("failed", stage.failed()) + "," + field("skipped", stage.skipped()) + ","
                + field("deadLettered", stage.deadLettered()) + "," + field("cancelled", stage.cancelled()) + ","
                + field("inFlight", stage.inFlight()) + "," + field("peakInFlight", stage.peakInFlight()) + ","
                + field("running", stage.running()) + ","
                + field("retried", stage.retried()) + "," + field("timedOut", stage.timedOut()) + ","
                + field("latencyMs", "{" + field("count", latency.count()) + "," + field("p50", millis(latency.p50()))
                        + "," + field("p90", millis(latency.p90())) + "," + field("p99", millis(latency.p99())) + ","
                        + field("max", millis(latency.max())) + "}") + ","
                + field("threads", stage.threads().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> field(entry.getKey().label(), entry.getValue()))
                        .collect(Collectors.joining(",", "{", "}"))) + ","
                + field("errors", strings(stage.errors())) + ","
                + field("cpuShare", stage.cpuShare().isPresent()
                        ? String.format(java.util.Locale.ROOT, "%.3f", stage.cpuShare().getAsDouble()) : "null") + ","
                + field("advice", stage.advice().map(ReportJson::string).orElse("null")) + ","
                + field("pinned", stage.pinned()) + "," + field("pinnedMs", millis(stage.pinnedTime())) + ","
                + field("conserved", stage.conserved()) + "}";
    }

    private static String field(String name, Object value) {
        return string(name) + ":" + value;
    }

    private static String millis(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.3f", duration.toNanos() / 1e6);
    }

    private static String strings(List<String> values) {
        return values.stream().map(ReportJson::string).collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON string literal for {@code value}, escaped per RFC 8259. */
    static String string(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
