package dev.flowline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes a fetch benchmark run as CSV, JSON, PNG charts and a Markdown report into one directory. */
final class FetchReport {
    static final String CSV = "fetch.csv";
    static final String JSON = "fetch.json";
    static final String MARKDOWN = "fetch.md";
    static final String THROUGHPUT_CHART = "bench-fetch-throughput.png";
    static final String P99_CHART = "bench-fetch-p99.png";
    static final String THREADS_CHART = "bench-fetch-threads.png";
    static final String MEMORY_CHART = "bench-fetch-memory.png";

    private FetchReport() {}

    /** Writes every output into {@code directory} and returns the files written. */
    static List<Path> write(FetchResults results, Path directory) throws IOException {
        ResultFiles.write(directory, CSV, FetchPoint.CSV_HEADER, results.points().stream().map(FetchPoint::csvRow).toList(),
                JSON, results);
        charts(results, directory);
        Files.writeString(directory.resolve(MARKDOWN), markdown(results));
        return List.of(CSV, JSON, MARKDOWN, THROUGHPUT_CHART, P99_CHART, THREADS_CHART, MEMORY_CHART).stream()
                .map(directory::resolve).toList();
    }

    private static void charts(FetchResults results, Path directory) {
        List<FetchPoint> sweep = phase(results, "sweep");
        String atLatency = " (L = " + Numbers.decimal(results.sweepLatencyMs(), 0) + " ms)";
        XYChart throughput = Charts.xy("Throughput vs concurrency" + atLatency, "requests in flight (C)", "requests/s", true, false);
        XYChart p99 = Charts.xy("p99 latency vs concurrency" + atLatency, "requests in flight (C)", "p99 latency (ms)", true, true);
        XYChart threads = Charts.xy("Peak live OS threads vs concurrency" + atLatency, "requests in flight (C)", "OS threads", true, true);
        List<Integer> levels = sweep.stream().map(FetchPoint::concurrency).distinct().sorted().toList();
        if (!levels.isEmpty() && results.sweepLatencyMs() > 0) {
            XYSeries ideal = throughput.addSeries("ideal C / L", levels, levels.stream().map(c -> c * 1000.0 / results.sweepLatencyMs()).toList());
            ideal.setMarker(SeriesMarkers.NONE).setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)).setLineColor(java.awt.Color.GRAY);
        }
        for (String variant : variants(sweep)) {
            List<FetchPoint> mine = sweep.stream().filter(point -> point.variant().equals(variant)).toList();
            List<Integer> x = mine.stream().map(FetchPoint::concurrency).toList();
            throughput.addSeries(variant, x, mine.stream().map(FetchPoint::throughput).toList());
            p99.addSeries(variant, x, mine.stream().map(point -> Math.max(point.p99Ms(), 0.01)).toList());
            threads.addSeries(variant, x, mine.stream().map(point -> Math.max(point.peakOsThreads(), 1)).toList());
        }
        Charts.save(throughput, directory.resolve(THROUGHPUT_CHART));
        Charts.save(p99, directory.resolve(P99_CHART));
        Charts.save(threads, directory.resolve(THREADS_CHART));
        List<FetchPoint> footprint = phase(results, "footprint");
        CategoryChart memory = Charts.bars("RSS per in-flight request (" + footprint.stream().findFirst()
                .map(point -> point.concurrency() + " in flight, L = " + Numbers.decimal(point.latencyMs() / 1000, 0) + " s")
                .orElse("no footprint point") + ")", "variant", "KB (1,000 bytes) per request");
        if (!footprint.isEmpty()) {
            List<String> names = footprint.stream().map(FetchPoint::variant).toList();
            memory.getStyler().setStacked(true).setLegendVisible(true).setLegendPosition(Styler.LegendPosition.OutsideS);
            memory.addSeries("live heap", names,
                    footprint.stream().map(point -> kilobytes(point.liveHeapPerInFlightBytes())).toList());
            memory.addSeries("outside the live heap", names,
                    footprint.stream().map(point -> kilobytes(point.outsideHeapPerInFlightBytes())).toList());
        } else {
            memory.addSeries("RSS per in-flight request", List.of("none"), List.of(0));
        }
        Charts.save(memory, directory.resolve(MEMORY_CHART));
    }

    /** KB to one decimal, as the chart labels its bars. */
    private static double kilobytes(double bytes) {
        return Math.round(bytes / 100) / 10.0;
    }

    static String markdown(FetchResults results) {
        StringBuilder md = ReportText.preamble("Fetch benchmark (" + results.profile() + " profile)", results.command(),
                results.startedAt(), results.machine(), results.loadAverageAfter());
        md.append("- The site in its own JVM; each variant in a client JVM of its own, which warms up once (at L = 0) and "
                + "then runs the variant's sweep and saturation points in turn, each after a short re-warm and a full GC; "
                + "each footprint point in a fresh client JVM. Latency counts from when the loop issued the request "
                + "(queueing for a thread included). Threads = peak live OS threads of the client JVM (its GC and JIT "
                + "threads included; by kind below); RSS and heap = peaks in the point's window (RSS, which a JVM seldom gives back, can "
                + "carry some of the same JVM's earlier points). KB = 1,000 bytes.\n\n");
        md.append("## Targets\n\n");
        md.append(ReportText.targets(results.targets())).append('\n');
        md.append("## Variants\n\n");
        for (FetchVariant variant : FetchVariant.values()) {
            md.append("- **").append(variant.label()).append("**: ").append(variant.description).append('\n');
        }
        md.append("\n## Concurrency sweep, L = ").append(Numbers.decimal(results.sweepLatencyMs(), 0)).append(" ms\n\n");
        md.append(loadTable(phase(results, "sweep"))).append('\n');
        md.append("## Saturation, L = 0\n\n").append(loadTable(phase(results, "saturation"))).append('\n');
        List<FetchPoint> second = phase(results, FetchRun.SECOND_SATURATION);
        if (!second.isEmpty()) {
            md.append("Second round, flowline then netty (the reverse of the first), for the stage-cost target:\n\n")
                    .append(loadTable(second)).append('\n');
        }
        md.append("## OS threads by kind, L = ").append(Numbers.decimal(results.sweepLatencyMs(), 0)).append(" ms\n\n")
                .append("The client JVM's live OS threads, named from /proc/self/task/*/comm when their count peaked: "
                        + "what the JVM brings whatever the client does (GC; JIT compilers; VM/service: the VM thread, "
                        + "periodic tasks, reference handling, finalizer, signals, cleaner, notifications, the launcher's "
                        + "first thread) against the client's event loops (Reactor Netty's, the JDK HttpClient's selector) "
                        + "and the other Java threads (the harness's main and sampler threads, and a variant's pool or "
                        + "carrier threads).\n\n")
                .append(threadTable(phase(results, "sweep"))).append('\n');
        md.append("## Footprint, L = ").append(Numbers.decimal(results.footprintLatencyMs() / 1000, 0)).append(" s\n\n");
        md.append("Each footprint client (a fresh JVM, warmed up at L = 0, run with "
                + String.join(" ", ClientJvm.footprintOptions()) + ", so that the freed Java heap and C heap go back to the OS "
                + "alike at both readings) "
                + "reads its memory twice: idle, then with C requests in flight once the site serves all C (it counts the "
                + "requests it holds). Each reading is taken at rest: once the JIT compilers are quiet, after a full GC, "
                + "the median of " + MemoryReading.READS + " RSS readings once they hold still, and the heap in use (the "
                + "live heap). RSS per in-flight request = (held RSS − idle RSS) / C; the live heap's part is (held − idle "
                + "live heap) / C; the rest is outside the live heap (thread stacks, native and direct buffers, JIT code "
                + "and class metadata, the heap's free margin). Peak RSS and OS threads are the highest readings while "
                + "the requests are held afterwards. Elastic is left out: its 20 threads hold 20 requests and queue the "
                + "rest.");
        List<String> leftOut = variants(phase(results, "sweep")).stream()
                .filter(variant -> !variant.equals(FetchVariant.ELASTIC.label()) && !variant.equals(FetchVariant.SERIAL.label()))
                .filter(variant -> phase(results, "footprint").stream().noneMatch(point -> point.variant().equals(variant)))
                .toList();
        if (!leftOut.isEmpty()) {
            md.append(" This profile leaves out ").append(String.join(", ", leftOut))
                    .append(" to save time; the full profile measures every variant.");
        }
        md.append("\n\n");
        MarkdownTable footprint = new MarkdownTable("variant", "C", "requests at the site", "idle RSS (MiB)",
                "held RSS (MiB)", "RSS per request (KB)", "live heap per request (KB)",
                "outside the live heap per request (KB)", "idle live heap (MiB)", "held live heap (MiB)",
                "peak RSS (MiB)", "OS threads", "errors");
        for (FetchPoint point : phase(results, "footprint")) {
            footprint.row(point.variant(), Numbers.count(point.concurrency()), Numbers.count(point.heldAtSite()),
                    Numbers.mebibytes(point.idleRssBytes()), Numbers.mebibytes(point.heldRssBytes()),
                    Numbers.decimal(point.rssPerInFlightBytes() / 1000, 1),
                    Numbers.decimal(point.liveHeapPerInFlightBytes() / 1000, 1),
                    Numbers.decimal(point.outsideHeapPerInFlightBytes() / 1000, 1),
                    Numbers.mebibytes(point.idleLiveHeapBytes()), Numbers.mebibytes(point.heldLiveHeapBytes()),
                    Numbers.mebibytes(point.peakRssBytes()), point.peakOsThreads(), point.errors());
        }
        md.append(footprint).append('\n');
        md.append("## Charts\n\n");
        for (String chart : List.of(THROUGHPUT_CHART, P99_CHART, THREADS_CHART, MEMORY_CHART)) {
            md.append("![").append(chart).append("](").append(chart).append(")\n\n");
        }
        List<String> errors = results.points().stream().filter(point -> point.firstError() != null)
                .map(point -> "- " + point.phase() + " " + point.variant() + " C=" + point.concurrency() + ": "
                        + point.errors() + " errors, first: " + point.firstError())
                .toList();
        if (!errors.isEmpty()) {
            md.append("## Errors\n\n").append(String.join("\n", errors)).append("\n");
        }
        return md.toString();
    }

    private static MarkdownTable loadTable(List<FetchPoint> points) {
        MarkdownTable table = new MarkdownTable("variant", "C", "req/s", "ideal C/L", "% of ideal", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "OS threads", "platform threads", "peak RSS MiB", "peak heap MiB", "CPU µs/req",
                "errors");
        for (FetchPoint point : points) {
            table.row(point.variant(), Numbers.count(point.concurrency()), Numbers.decimal(point.throughput(), 0),
                    point.idealThroughput() == null ? "-" : Numbers.decimal(point.idealThroughput(), 0),
                    point.fractionOfIdeal() == null ? "-" : Numbers.percent(point.fractionOfIdeal()),
                    Numbers.decimal(point.p50Ms(), 1), Numbers.decimal(point.p90Ms(), 1), Numbers.decimal(point.p99Ms(), 1),
                    Numbers.decimal(point.maxMs(), 1), point.peakOsThreads(), point.peakPlatformThreads(),
                    Numbers.mebibytes(point.peakRssBytes()), Numbers.mebibytes(point.peakHeapBytes()),
                    Numbers.decimal(point.cpuMicrosPerRequest(), 0), point.errors());
        }
        return table;
    }

    private static MarkdownTable threadTable(List<FetchPoint> points) {
        MarkdownTable table = new MarkdownTable("variant", "C", "OS threads", "GC", "JIT", "VM/service", "event loop",
                "other Java", "Java platform threads");
        for (FetchPoint point : points) {
            ThreadCensus kinds = point.threadsAtPeak();
            table.row(point.variant(), Numbers.count(point.concurrency()), point.peakOsThreads(),
                    kinds == null ? "-" : kinds.gc(), kinds == null ? "-" : kinds.jit(), kinds == null ? "-" : kinds.vm(),
                    kinds == null ? "-" : kinds.eventLoop(), kinds == null ? "-" : kinds.otherJava(),
                    point.peakPlatformThreads());
        }
        return table;
    }

    private static List<FetchPoint> phase(FetchResults results, String phase) {
        return results.points().stream().filter(point -> point.phase().equals(phase)).toList();
    }

    private static List<String> variants(List<FetchPoint> points) {
        return points.stream().map(FetchPoint::variant).distinct().collect(Collectors.toList());
    }
}
