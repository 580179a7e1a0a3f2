package dev.flowline.benchmarks;

import dev.flowline.LiveView;
import dev.flowline.Run;
import dev.flowline.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.knowm.xchart.CategoryChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Flux;

/**
 * {@code flowline bench cpu}: a CPU-bound stage (SHA-256 hashing) run serially, on the parallel scheduler, on
 * boundedElastic and on virtual threads. Each variant runs a warmup, then several timed runs of the same elements,
 * the variants and a plain-threads control taking turns; the median counts. Speedup is against serial; the ideal
 * is the number of cores.
 */
@Command(name = "cpu", mixinStandardHelpOptions = true,
        description = "A CPU-bound stage on each kind of thread: throughput and speedup against the number of cores. "
                + "Writes cpu.csv, cpu.json, cpu.md and bench-cpu-speedup.png.")
final class CpuCommand implements Callable<Integer> {
    static final String CSV = "cpu.csv";
    static final String JSON = "cpu.json";
    static final String MARKDOWN = "cpu.md";
    static final String CHART = "bench-cpu-speedup.png";
    private static final int ROUNDS_PER_ELEMENT = 32;
    static final double TARGET_SPEEDUP = 1.9;

    @Mixin
    ProfileOptions profile;


    /** One variant's result: the median of its timed runs. */
    record CpuPoint(String variant, String placement, int elements, int runs, double elementsPerSecond, double speedup,
                    double idealSpeedup, long peakPlatformThreads, double cpuMillisPerElement, double p99Ms) {
    }

    /** The whole run, as cpu.json holds it; {@code controlSpeedup}: plain Java threads, one per core, vs one. */
    record CpuResults(String command, String profile, String startedAt, Machine machine, String loadAverageAfter,
                      int roundsPerElement, List<CpuPoint> points, double controlSpeedup, List<TargetCheck> targets) {
    }

    @Override
    public Integer call() throws Exception {
        int elements = ProfileOptions.pick(profile.name(), 100, 1_000, 3_000);
        // Odd, for a median; enough that one run slowed by the machine (a GC, another process) does not decide it.
        int runs = ProfileOptions.pick(profile.name(), 3, 5, 9);
        BenchStart start = BenchStart.announce("cpu", profile.name(), System.err);
        Machine machine = start.machine();
        Map<CpuVariant, List<RunReport>> reports = new EnumMap<>(CpuVariant.class);
        for (CpuVariant variant : CpuVariant.values()) {
            run(variant, elements);  // warmup, as long as a timed run: the JIT's work is done before any counts
            reports.put(variant, new ArrayList<>());
        }
        // Round-robin, the control included, so that a change in the machine's load hits every variant alike.
        List<Double> controls = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            for (CpuVariant variant : CpuVariant.values()) {
                reports.get(variant).add(run(variant, elements));
            }
            controls.add(PlainThreadsControl.throughput(machine.cores(), elements, ROUNDS_PER_ELEMENT)
                    / PlainThreadsControl.throughput(1, elements, ROUNDS_PER_ELEMENT));
        }
        double serial = median(reports.get(CpuVariant.SERIAL)).throughput();
        double control = controls.stream().sorted().toList().get(runs / 2);
        List<CpuPoint> points = new ArrayList<>();
        for (CpuVariant variant : CpuVariant.values()) {
            RunReport median = median(reports.get(variant));
            CpuPoint point = new CpuPoint(variant.label(), median.stages().get(0).placement(), elements, runs,
                    median.throughput(), median.throughput() / serial, machine.cores(), median.peakThreads(),
                    median.cpuTime().toNanos() / 1e6 / elements,
                    median.stages().get(0).latency().p99().toNanos() / 1e6);
            points.add(point);
            System.err.printf(Locale.ROOT, "  %-9s %10s elements/s, speedup %.2f (ideal %d)%n", point.variant(),
                    Numbers.decimal(point.elementsPerSecond(), 0), point.speedup(), machine.cores());
        }
        System.err.printf(Locale.ROOT, "  control: plain Java threads, %d vs 1: speedup %.2f%n", machine.cores(), control);
        CpuResults results = new CpuResults(profile.invocation(), profile.name(), start.startedAt(), machine,
                Machine.currentLoadAverage(), ROUNDS_PER_ELEMENT, points, control, List.of(target(points, control)));
        write(results);
        ReportText.printOutcome(results.targets(), Stream.of(CSV, JSON, MARKDOWN, CHART).map(profile.out()::resolve).toList(),
                System.out);
        return 0;
    }

    private static RunReport median(List<RunReport> reports) {
        return reports.stream().sorted(Comparator.comparingDouble(RunReport::throughput)).toList().get(reports.size() / 2);
    }

    private static RunReport run(CpuVariant variant, int elements) {
        Run<?> run = variant.pipeline(ROUNDS_PER_ELEMENT).run(Flux.range(0, elements).map(Integer::longValue));
        try (LiveView view = LiveView.show(run)) {   // draws only on a terminal; a redraw a second costs < 1 ms
            return run.await();
        }
    }

    private static TargetCheck target(List<CpuPoint> points, double control) {
        CpuPoint parallel = points.stream().filter(point -> point.variant().equals("parallel")).findFirst().orElseThrow();
        return TargetCheck.judged("CPU stage on the parallel scheduler: >= " + TARGET_SPEEDUP + "x serial throughput on "
                        + (int) parallel.idealSpeedup() + " cores",
                Numbers.decimal(parallel.speedup(), 2) + "x", parallel.speedup() >= TARGET_SPEEDUP,
                parallel.speedup() >= TARGET_SPEEDUP ? "" : "the control, plain Java threads with no Reactor or Flowline, "
                        + "reached " + Numbers.decimal(control, 3) + "x in the same turns"
                        + (control < TARGET_SPEEDUP ? ", itself below the target: the machine did not give this process its "
                        + "cores" : ""));
    }

    private void write(CpuResults results) throws java.io.IOException {
        Path out = profile.out();
        ResultFiles.write(out, CSV, "variant,placement,elements,runs,elements_per_second,speedup,ideal_speedup,"
                        + "peak_platform_threads,cpu_ms_per_element,p99_ms",
                results.points().stream().map(p -> String.join(",", p.variant(), "\"" + p.placement() + "\"",
                        String.valueOf(p.elements()), String.valueOf(p.runs()), fmt(p.elementsPerSecond()),
                        fmt(p.speedup()), fmt(p.idealSpeedup()), String.valueOf(p.peakPlatformThreads()),
                        fmt(p.cpuMillisPerElement()), fmt(p.p99Ms()))).toList(),
                JSON, results);
        CategoryChart chart = Charts.bars("CPU stage: speedup over serial (ideal = " + results.machine().cores()
                + " cores)", "variant", "speedup (x serial)");
        chart.addSeries("speedup", results.points().stream().map(CpuPoint::variant).toList(),
                results.points().stream().map(CpuPoint::speedup).toList());
        Charts.save(chart, out.resolve(CHART));
        Files.writeString(out.resolve(MARKDOWN), markdown(results));
    }

    private static String markdown(CpuResults results) {
        StringBuilder md = ReportText.preamble("CPU benchmark (" + results.profile() + " profile)", results.command(),
                results.startedAt(), results.machine(), results.loadAverageAfter());
        md.append("- Work: SHA-256 over 16 KiB, ").append(results.roundsPerElement())
                .append(" rounds per element; median of the timed runs (variants taking turns), after a warmup run.\n\n");
        md.append(ReportText.targets(results.targets())).append('\n');
        MarkdownTable table = new MarkdownTable("variant", "placement", "elements/s", "speedup", "ideal",
                "peak platform threads", "CPU ms/element", "p99 ms in stage");
        for (CpuPoint p : results.points()) {
            table.row(p.variant(), p.placement(), Numbers.decimal(p.elementsPerSecond(), 0), Numbers.decimal(p.speedup(), 2),
                    Numbers.decimal(p.idealSpeedup(), 0), p.peakPlatformThreads(), Numbers.decimal(p.cpuMillisPerElement(), 3),
                    Numbers.decimal(p.p99Ms(), 1));
        }
        md.append(table).append('\n');
        md.append("Control, the same hashing on plain Java threads (no Reactor, no Flowline), one per core vs one: ")
                .append(Numbers.decimal(results.controlSpeedup(), 2)).append("x.\n\n");
        for (CpuVariant variant : CpuVariant.values()) {
            md.append("- **").append(variant.label()).append("**: ").append(variant.description).append('\n');
        }
        md.append("\n![").append(CHART).append("](").append(CHART).append(")\n");
        return md.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
