package dev.flowline.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flowline.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.CategoryChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import reactor.core.publisher.Flux;

/**
 * {@code flowline bench cpu}: a CPU-bound stage (SHA-256 hashing) run serially, on the parallel scheduler, on
 * boundedElastic and on virtual threads. Each variant runs a warmup, then several timed runs of the same elements;
 * the median counts. Speedup is against serial; the ideal is the number of cores.
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

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results/cpu",
            description = "where to write the results (default: ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    /** One variant's result: the median of its timed runs. */
    record CpuPoint(String variant, String placement, int elements, int runs, double elementsPerSecond, double speedup,
                    double idealSpeedup, long peakPlatformThreads, double cpuMillisPerElement, double p99Ms) {
    }

    /** The whole run, as cpu.json holds it. */
    record CpuResults(String command, String profile, String startedAt, Machine machine, String loadAverageAfter,
                      int roundsPerElement, List<CpuPoint> points, List<TargetCheck> targets) {
    }

    @Override
    public Integer call() throws Exception {
        int elements = switch (profile.name()) {
            case "tiny" -> 100;
            case "quick" -> 1_000;
            default -> 3_000;
        };
        int runs = profile.name().equals("full") ? 5 : 3;
        Machine machine = Machine.current();
        String startedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        System.err.println("cpu benchmark, " + profile.name() + " profile, on " + machine.describe() + ", load average "
                + machine.loadAverage());
        List<CpuPoint> points = new ArrayList<>();
        double serial = 0;
        for (CpuVariant variant : CpuVariant.values()) {
            List<RunReport> reports = new ArrayList<>();
            run(variant, Math.max(50, elements / 4));  // warmup, discarded
            for (int i = 0; i < runs; i++) {
                reports.add(run(variant, elements));
            }
            RunReport median = reports.stream().sorted((a, b) -> Double.compare(a.throughput(), b.throughput()))
                    .toList().get(runs / 2);
            if (variant == CpuVariant.SERIAL) {
                serial = median.throughput();
            }
            CpuPoint point = new CpuPoint(variant.label(), median.stages().get(0).placement(), elements, runs,
                    median.throughput(), median.throughput() / serial, machine.cores(), median.peakThreads(),
                    median.cpuTime().toNanos() / 1e6 / elements,
                    median.stages().get(0).latency().p99().toNanos() / 1e6);
            points.add(point);
            System.err.printf(Locale.ROOT, "  %-9s %10s elements/s, speedup %.2f (ideal %d)%n", point.variant(),
                    Numbers.decimal(point.elementsPerSecond(), 0), point.speedup(), machine.cores());
        }
        CpuResults results = new CpuResults(BenchCommand.invocation(spec), profile.name(), startedAt, machine,
                Machine.currentLoadAverage(), ROUNDS_PER_ELEMENT, points, List.of(target(points)));
        write(results);
        results.targets().forEach(check -> System.out.println(check.status().toUpperCase(Locale.ROOT) + ": "
                + check.target() + " -> " + check.measured()));
        System.out.println("wrote " + Arrays.asList(CSV, JSON, MARKDOWN, CHART).stream().map(out::resolve).toList());
        return 0;
    }

    private static RunReport run(CpuVariant variant, int elements) {
        return variant.pipeline(ROUNDS_PER_ELEMENT).run(Flux.range(0, elements).map(Integer::longValue)).await();
    }

    private static TargetCheck target(List<CpuPoint> points) {
        CpuPoint parallel = points.stream().filter(point -> point.variant().equals("parallel")).findFirst().orElseThrow();
        return TargetCheck.judged("CPU stage on the parallel scheduler: >= " + TARGET_SPEEDUP + "x serial throughput on "
                        + (int) parallel.idealSpeedup() + " cores",
                Numbers.decimal(parallel.speedup(), 2) + "x", parallel.speedup() >= TARGET_SPEEDUP,
                parallel.speedup() >= TARGET_SPEEDUP ? "" : "other processes on the machine take CPU from the second core; "
                        + "see the load average");
    }

    private void write(CpuResults results) throws java.io.IOException {
        Files.createDirectories(out);
        List<String> csv = new ArrayList<>(List.of("variant,placement,elements,runs,elements_per_second,speedup,"
                + "ideal_speedup,peak_platform_threads,cpu_ms_per_element,p99_ms"));
        for (CpuPoint p : results.points()) {
            csv.add(String.join(",", p.variant(), "\"" + p.placement() + "\"", String.valueOf(p.elements()),
                    String.valueOf(p.runs()), fmt(p.elementsPerSecond()), fmt(p.speedup()), fmt(p.idealSpeedup()),
                    String.valueOf(p.peakPlatformThreads()), fmt(p.cpuMillisPerElement()), fmt(p.p99Ms())));
        }
        Files.write(out.resolve(CSV), csv);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(JSON).toFile(), results);
        CategoryChart chart = Charts.bars("CPU stage: speedup over serial (ideal = " + results.machine().cores()
                + " cores)", "variant", "speedup (x serial)");
        chart.addSeries("speedup", results.points().stream().map(CpuPoint::variant).toList(),
                results.points().stream().map(CpuPoint::speedup).toList());
        Charts.save(chart, out.resolve(CHART));
        Files.writeString(out.resolve(MARKDOWN), markdown(results));
    }

    private static String markdown(CpuResults results) {
        StringBuilder md = new StringBuilder("# CPU benchmark (" + results.profile() + " profile)\n\n");
        md.append("- Command: `").append(results.command()).append("`\n");
        md.append("- Started: ").append(results.startedAt()).append("\n");
        md.append("- Machine: ").append(results.machine().describe()).append("\n");
        md.append("- Load average before: ").append(results.machine().loadAverage()).append("; after: ")
                .append(results.loadAverageAfter()).append("\n");
        md.append("- Work: SHA-256 over 16 KiB, ").append(results.roundsPerElement())
                .append(" rounds per element; median of the timed runs, after a warmup run.\n\n");
        MarkdownTable targets = new MarkdownTable("target", "measured", "status", "note");
        results.targets().forEach(check -> targets.row(check.target(), check.measured(), check.status(), check.note()));
        md.append(targets).append('\n');
        MarkdownTable table = new MarkdownTable("variant", "placement", "elements/s", "speedup", "ideal",
                "peak platform threads", "CPU ms/element", "p99 ms in stage");
        for (CpuPoint p : results.points()) {
            table.row(p.variant(), p.placement(), Numbers.decimal(p.elementsPerSecond(), 0), Numbers.decimal(p.speedup(), 2),
                    Numbers.decimal(p.idealSpeedup(), 0), p.peakPlatformThreads(), Numbers.decimal(p.cpuMillisPerElement(), 3),
                    Numbers.decimal(p.p99Ms(), 1));
        }
        md.append(table).append('\n');
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
