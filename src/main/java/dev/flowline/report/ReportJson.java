package dev.flowline.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders run reports as JSON, by hand: the framework carries no JSON library. */
final class ReportJson {

    private ReportJson() {}

    static String run(RunReport run) {
        return "{" + field("pipeline", JsonText.quote(run.pipeline())) + "," + field("mode", JsonText.quote(run.mode())) + ","
                + field("state", JsonText.quote(run.state())) + ","
                + field("failure", run.failure().map(JsonText::quote).orElse("null")) + ","
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
        return "{" + field("name", JsonText.quote(stage.name())) + "," + field("kind", JsonText.quote(stage.kind())) + ","
                + field("placement", JsonText.quote(stage.placement())) + "," + field("concurrency", stage.concurrency()) + ","
                + field("in", stage.in()) + "," + field("out", stage.out()) + "," + field("filtered", stage.filtered())
                + "," + field("failed", stage.failed()) + "," + field("skipped", stage.skipped()) + ","
                + field("deadLettered", stage.deadLettered()) + "," + field("cancelled", stage.cancelled()) + ","
                + field("inFlight", stage.inFlight()) + "," + field("peakInFlight", stage.peakInFlight()) + ","
                + field("running", stage.running()) + ","
                + field("retried", stage.retried()) + "," + field("timedOut", stage.timedOut()) + ","
                + field("latencyMs", "{" + field("count", latency.count()) + "," + field("timed", latency.timed()) + "," + field("p50", millis(latency.p50()))
                        + "," + field("p90", millis(latency.p90())) + "," + field("p99", millis(latency.p99())) + ","
                        + field("max", millis(latency.max())) + "}") + ","
                + field("threads", stage.threads().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> field(entry.getKey().label(), entry.getValue()))
                        .collect(Collectors.joining(",", "{", "}"))) + ","
                + field("errors", strings(stage.errors())) + ","
                + field("cpuShare", stage.cpuShare().isPresent()
                        ? String.format(java.util.Locale.ROOT, "%.3f", stage.cpuShare().getAsDouble()) : "null") + ","
                + field("advice", stage.advice().map(JsonText::quote).orElse("null")) + ","
                + field("pinned", stage.pinned()) + "," + field("pinnedMs", millis(stage.pinnedTime())) + ","
                + field("conserved", stage.conserved()) + "}";
    }

    private static String field(String name, Object value) {
        return JsonText.quote(name) + ":" + value;
    }

    private static String millis(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.3f", duration.toNanos() / 1e6);
    }

    private static String strings(List<String> values) {
        return values.stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
