package dev.flowline.benchmarks;

import dev.flowline.RecordingBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code flowline bench overhead}: JMH, with short settings, comparing a Flowline pipeline of trivial stages with
 * the same chain hand-written in plain Reactor, per kind and mode, plus the cost of recording alone and of a report
 * snapshot. The forked
 * JVMs run on the same java as this one.
 */
@Command(name = "overhead", mixinStandardHelpOptions = true,
        description = "JMH: a Flowline stage vs the same chain in plain Reactor, per kind and mode. Writes jmh.json "
                + "(JMH's own), jmh.log, overhead.csv, overhead.json, overhead.md and bench-overhead-ratio.png.")
final class OverheadCommand implements Callable<Integer> {
    static final String CSV = "overhead.csv";
    static final String JSON = "overhead.json";
    static final String MARKDOWN = "overhead.md";
    static final String CHART = "bench-overhead-ratio.png";
    static final double TARGET_RATIO = 1.1;

    @Mixin
    ProfileOptions profile;


    /** One kind and mode: Flowline's and the hand-written chain's nanoseconds per element, and their ratio. */
    record OverheadPoint(String kind, String mode, double flowlineNsPerElement, double flowlineError,
                         double reactorNsPerElement, double reactorError, double ratio) {
    }

    /** The whole run, as overhead.json holds it. */
    record OverheadResults(String command, String profile, String startedAt, Machine machine, String loadAverageAfter,
                           String jmhSettings, List<OverheadPoint> points, Double reportSnapshotNs,
                           Double recordingNs, Double recordingTwoThreadsNs, List<TargetCheck> targets) {
    }

    @Override
    public Integer call() throws Exception {
        Path out = profile.out();
        BenchStart start = BenchStart.announce("overhead", profile.name(), System.err);
        Machine machine = start.machine();
        boolean tiny = profile.name().equals("tiny");
        boolean full = profile.name().equals("full");
        int warmups = tiny || !full ? 1 : 2;
        int measurements = tiny ? 1 : full ? 4 : 2;
        TimeValue time = tiny ? TimeValue.milliseconds(200) : TimeValue.seconds(1);
        String settings = "1 fork, " + warmups + " warmup + " + measurements + " measurement iterations of " + time;
        Files.createDirectories(out);
        System.err.println("JMH: " + settings + "; its output goes to " + out.resolve("jmh.log"));
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(OverheadBenchmark.class.getName())
                .include(ReportBenchmark.class.getName())
                .include(RecordingBenchmark.class.getName())
                .jvm(ChildJvm.javaBinary())
                .jvmArgsAppend("-Xmx1g")
                .forks(1)
                .warmupIterations(warmups).warmupTime(time)
                .measurementIterations(measurements).measurementTime(time)
                .resultFormat(ResultFormatType.JSON).result(out.resolve("jmh.json").toString())
                .output(out.resolve("jmh.log").toString());
        if (tiny) {
            options.param("kind", "ASYNC_IO").param("mode", "REACTIVE");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<OverheadPoint> points = points(results);
        OverheadResults summary = new OverheadResults(profile.invocation(), profile.name(), start.startedAt(), machine,
                Machine.currentLoadAverage(), settings, points, score(results, ReportBenchmark.class, "snapshot"),
                score(results, RecordingBenchmark.class, "oneThread"), score(results, RecordingBenchmark.class, "twoThreads"),
                targets(points));
        write(summary);
        for (OverheadPoint p : points) {
            System.err.printf(Locale.ROOT, "  %-11s %-8s flowline %9.0f ns/element, reactor %9.0f ns/element: %.2fx%n",
                    p.kind(), p.mode(), p.flowlineNsPerElement(), p.reactorNsPerElement(), p.ratio());
        }
        ReportText.printOutcome(summary.targets(),
                Stream.of(CSV, JSON, MARKDOWN, CHART, "jmh.json", "jmh.log").map(out::resolve).toList(), System.out);
        return 0;
    }

    private static List<OverheadPoint> points(Collection<RunResult> results) {
        Map<String, Map<String, RunResult>> byParams = results.stream()
                .filter(r -> r.getParams().getBenchmark().startsWith(OverheadBenchmark.class.getName()))
                .collect(Collectors.groupingBy(r -> r.getParams().getParam("kind") + "/" + r.getParams().getParam("mode"),
                        java.util.LinkedHashMap::new,
                        Collectors.toMap(r -> method(r.getParams().getBenchmark()), r -> r)));
        List<OverheadPoint> points = new ArrayList<>();
        byParams.forEach((key, methods) -> {
            RunResult flowline = methods.get("flowline");
            RunResult reactor = methods.get("reactor");
            if (flowline != null && reactor != null) {
                double f = flowline.getPrimaryResult().getScore();
                double r = reactor.getPrimaryResult().getScore();
                String[] parts = key.split("/");
                points.add(new OverheadPoint(parts[0], parts[1], f, error(flowline), r, error(reactor), f / r));
            }
        });
        return points;
    }

    /** The score of {@code benchmark}'s {@code method}, or null when it did not run. */
    private static Double score(Collection<RunResult> results, Class<?> benchmark, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().equals(benchmark.getName() + "." + method))
                .map(r -> r.getPrimaryResult().getScore()).findFirst().orElse(null);
    }

    private static double error(RunResult result) {
        double error = result.getPrimaryResult().getScoreError();
        return Double.isNaN(error) ? 0 : error;
    }

    private static String method(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static List<TargetCheck> targets(List<OverheadPoint> points) {
        String target = "JMH: a Flowline stage costs <= " + TARGET_RATIO + "x its hand-written Reactor equivalent";
        if (points.isEmpty()) {
            return List.of(TargetCheck.notMeasured(target, "no benchmark result"));
        }
        List<OverheadPoint> missed = points.stream().filter(p -> p.ratio() > TARGET_RATIO).toList();
        String measured = "ratios " + Numbers.decimal(points.stream().mapToDouble(OverheadPoint::ratio).min().orElse(0), 2)
                + "x to " + Numbers.decimal(points.stream().mapToDouble(OverheadPoint::ratio).max().orElse(0), 2)
                + "x; " + (points.size() - missed.size()) + " of " + points.size() + " kind/mode pairs within";
        String note = missed.isEmpty() ? "" : "over the target: " + missed.stream()
                .map(p -> p.kind() + "/" + p.mode() + " " + Numbers.decimal(p.ratio(), 2) + "x")
                .collect(Collectors.joining(", "))
                + ". Where no thread hop dominates the element's cost, Flowline's per-element bookkeeping "
                + "(reporting, error policy, blocking guard) is most of it";
        return List.of(TargetCheck.judged(target, measured, missed.isEmpty(), note));
    }

    private void write(OverheadResults results) throws java.io.IOException {
        Path out = profile.out();
        ResultFiles.write(out, CSV, "kind,mode,flowline_ns_per_element,flowline_error,reactor_ns_per_element,"
                        + "reactor_error,ratio",
                results.points().stream().map(p -> String.format(Locale.ROOT, "%s,%s,%.1f,%.1f,%.1f,%.1f,%.3f",
                        p.kind(), p.mode(), p.flowlineNsPerElement(), p.flowlineError(), p.reactorNsPerElement(),
                        p.reactorError(), p.ratio())).toList(),
                JSON, results);
        CategoryChart chart = Charts.bars("Flowline / hand-written Reactor, time per element (target <= "
                + TARGET_RATIO + ")", "kind / mode", "ratio");
        chart.getStyler().setXAxisLabelRotation(45);
        List<String> labels = results.points().stream().map(p -> p.kind() + "/" + p.mode()).toList();
        chart.addSeries("ratio", labels.isEmpty() ? List.of("none") : labels,
                results.points().isEmpty() ? List.of(0) : results.points().stream().map(OverheadPoint::ratio).toList());
        Charts.save(chart, out.resolve(CHART));
        Files.writeString(out.resolve(MARKDOWN), markdown(results));
    }

    private static String markdown(OverheadResults results) {
        StringBuilder md = ReportText.preamble("Framework overhead, JMH (" + results.profile() + " profile)",
                results.command(), results.startedAt(), results.machine(), results.loadAverageAfter());
        md.append("- JMH: ").append(results.jmhSettings()).append("; ").append(OverheadBenchmark.STAGES)
                .append(" trivial stages over ").append(OverheadBenchmark.ELEMENTS)
                .append(" elements; score = ns per element (average time), ± the 99.9% error JMH reports.\n\n");
        md.append(ReportText.targets(results.targets())).append('\n');
        MarkdownTable table = new MarkdownTable("kind", "mode", "Flowline ns/element", "hand-written ns/element", "ratio");
        for (OverheadPoint p : results.points()) {
            table.row(p.kind(), p.mode(), Numbers.decimal(p.flowlineNsPerElement(), 0) + " ± " + Numbers.decimal(p.flowlineError(), 0),
                    Numbers.decimal(p.reactorNsPerElement(), 0) + " ± " + Numbers.decimal(p.reactorError(), 0),
                    Numbers.decimal(p.ratio(), 2) + "x");
        }
        md.append(table).append('\n');
        if (results.reportSnapshotNs() != null) {
            md.append("Reading a finished run's report (`run.report()`, 3 stages): ")
                    .append(Numbers.decimal(results.reportSnapshotNs() / 1000, 1)).append(" µs per snapshot.\n\n");
        }
        if (results.recordingNs() != null) {
            md.append("Recording alone (`RecordingBenchmark`: the per-element calls a stage makes on its metrics — ")
                    .append("counts, thread kind, latency histogram, the advisor's sampled clock reads): ")
                    .append(Numbers.decimal(results.recordingNs(), 1)).append(" ns per element per stage on one thread");
            if (results.recordingTwoThreadsNs() != null) {
                md.append(", ").append(Numbers.decimal(results.recordingTwoThreadsNs(), 1))
                        .append(" ns with two threads recording into the same stage");
            }
            md.append(".\n\n");
        }
        md.append("![").append(CHART).append("](").append(CHART).append(")\n");
        return md.toString();
    }
}
