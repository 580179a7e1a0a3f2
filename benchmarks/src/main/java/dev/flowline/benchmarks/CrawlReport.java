package dev.flowline.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes a crawl benchmark run as CSV, JSON, PNG charts and a Markdown report into one directory. */
final class CrawlReport {
    static final String CSV = "crawl.csv";
    static final String JSON = "crawl.json";
    static final String MARKDOWN = "crawl.md";
    static final String THROUGHPUT_CHART = "bench-crawl-throughput.png";
    static final String CPU_CHART = "bench-crawl-cpu.png";

    private CrawlReport() {}

    /** Writes every output into {@code directory} and returns the files written. */
    static List<Path> write(CrawlResults results, Path directory) throws IOException {
        ResultFiles.write(directory, CSV, CrawlPoint.CSV_HEADER, results.points().stream().map(CrawlPoint::csvRow).toList(),
                JSON, results);
        charts(results, directory);
        Files.writeString(directory.resolve(MARKDOWN), markdown(results));
        return List.of(CSV, JSON, MARKDOWN, THROUGHPUT_CHART, CPU_CHART).stream().map(directory::resolve).toList();
    }

    private static void charts(CrawlResults results, Path directory) {
        List<CrawlPoint> sweep = phase(results, "sweep");
        String atLatency = " (L = " + Numbers.decimal(results.sweepLatencyMs(), 0) + " ms)";
        List<Integer> c = sweep.stream().map(CrawlPoint::concurrency).toList();
        XYChart throughput = Charts.xy("Crawler pages/s vs concurrency" + atLatency, "fetches in flight (C)", "pages/s",
                true, false);
        XYChart cpu = Charts.xy("CPU use vs concurrency" + atLatency, "fetches in flight (C)", "cores", true, false);
        throughput.getStyler().setYAxisMin(0.0);
        cpu.getStyler().setYAxisMin(0.0);
        if (!sweep.isEmpty()) {
            dashed(throughput.addSeries("ideal C / L", c, values(sweep, point -> point.idealPagesPerSecond())), Color.GRAY);
            dashed(throughput.addSeries("CPU limit: cores / CPU per page", c, values(sweep, CrawlPoint::cpuLimitPagesPerSecond)),
                    Color.RED);
            throughput.addSeries("crawler (steady windows)", c, values(sweep, CrawlPoint::pagesPerSecond));
            dashed(cpu.addSeries("cores", c, values(sweep, point -> point.cores())), Color.GRAY);
            cpu.addSeries("crawler + site", c, values(sweep, point -> point.cpuUse() * point.cores()));
            cpu.addSeries("crawler", c, values(sweep, CrawlPoint::crawlerCores));
            cpu.addSeries("site", c, values(sweep, CrawlPoint::siteCores));
            cpu.addSeries("whole machine", c, values(sweep, point -> point.machineBusy() * point.cores()));
        } else {
            throughput.addSeries("no sweep point", List.of(1), List.of(0));
            cpu.addSeries("no sweep point", List.of(1), List.of(0));
        }
        Charts.save(throughput, directory.resolve(THROUGHPUT_CHART));
        Charts.save(cpu, directory.resolve(CPU_CHART));
    }

    private static void dashed(XYSeries series, Color color) {
        series.setMarker(SeriesMarkers.NONE).setLineColor(color).setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    private static List<Double> values(List<CrawlPoint> points, ToDoubleFunction<CrawlPoint> value) {
        return points.stream().map(point -> value.applyAsDouble(point)).toList();
    }

    static String markdown(CrawlResults results) {
        StringBuilder md = ReportText.preamble("Crawl benchmark (" + results.profile() + " profile)", results.command(),
                results.startedAt(), results.machine(), results.loadAverageAfter());
        md.append("- The local site (").append(Numbers.count(results.sitePages())).append(" pages of about ")
                .append(results.pageBytes()).append(" bytes with ").append(results.links()).append(" links) in its own JVM; "
                + "the crawler (`Crawler`: non-blocking fetcher, REACTIVE, per-host cap = C, no host delay, robots.txt "
                + "obeyed) in another, which makes a warm-up crawl first (thrown away), then one crawl per point from the "
                + "site's home page: a settling time, a measured interval of whole windows, then a stop.\n"
                + "- Pages = records with outcome OK (fetched); records also count the URLs robots.txt refused. A window "
                + "is *steady* when it and its neighbours hold records of one depth only: the crawler goes breadth-first and "
                + "stalls at the end of each depth. Figures are over the steady windows; *measured* pages/s are over every "
                + "measured window, barriers included; *whole* over the whole crawl, from its start (ramp-up) to the end of "
                + "the drain after the stop.\n"
                + "- CPU from `/proc` (10 ms ticks): the crawler's JVM, the site's JVM, and the whole machine (every process, "
                + "other jobs included). CPU use = (crawler + site) / (cores x time); a point is *CPU-bound* when it is at "
                + "least ").append(Numbers.percent(CrawlPoint.CPU_BOUND)).append(". CPU limit = cores / (crawler + site CPU "
                + "per page). Fetch times from the records' `fetch_ms` (whole milliseconds), in flight = pages/s x mean fetch "
                + "time (Little's law). JIT = the crawler JVM's compilation time per second.\n");
        md.append("- Warm-up: ").append(Numbers.count(results.warmup().wholePages())).append(" pages in ")
                .append(Numbers.decimal(results.warmup().wholeSeconds(), 1)).append(" s, ")
                .append(CrawlRun.warmupEnd(results.warmup())).append(".\n\n");
        md.append("## Targets\n\n").append(ReportText.targets(results.targets())).append('\n');
        md.append("## Saturation, L = 0\n\n").append(table(phase(results, "saturation"))).append('\n');
        md.append("## Concurrency sweep, L = ").append(Numbers.decimal(results.sweepLatencyMs(), 0)).append(" ms\n\n")
                .append(table(phase(results, "sweep"))).append('\n');
        md.append("## Windows\n\nPages/s of every window of each crawl, in order; the measured interval starts at `|`, "
                + "steady windows are plain, the others in brackets; `d` marks a window whose records span two depths.\n\n");
        for (CrawlPoint point : results.points()) {
            md.append("- ").append(point.phase()).append(" C=").append(point.concurrency()).append(": `")
                    .append(windowLine(point)).append("`\n");
        }
        md.append("\n## Charts\n\n");
        for (String chart : List.of(THROUGHPUT_CHART, CPU_CHART)) {
            md.append("![").append(chart).append("](").append(chart).append(")\n\n");
        }
        return md.toString();
    }

    private static MarkdownTable table(List<CrawlPoint> points) {
        MarkdownTable table = new MarkdownTable("C", "pages/s", "ideal C/L", "% of ideal", "windows (steady/measured)",
                "window min-max", "measured pages/s", "whole pages/s", "CPU µs/page crawler + site", "cores crawler + site",
                "CPU use", "machine busy", "CPU limit pages/s", "fetch p50/p99 ms", "in flight", "JIT", "depths");
        for (CrawlPoint point : points) {
            table.row(Numbers.count(point.concurrency()), Numbers.decimal(point.pagesPerSecond(), 0),
                    point.idealPagesPerSecond() == null ? "-" : Numbers.decimal(point.idealPagesPerSecond(), 0),
                    point.fractionOfIdeal() == null ? "-" : Numbers.percent(point.fractionOfIdeal()),
                    point.steadyWindows() + "/" + point.measuredWindows(),
                    Numbers.decimal(point.minWindowPagesPerSecond(), 0) + "-" + Numbers.decimal(point.maxWindowPagesPerSecond(), 0),
                    Numbers.decimal(point.measuredPagesPerSecond(), 0),
                    Numbers.decimal(point.wholePagesPerSecond(), 0) + (point.endedEarly() ? " (ran out of pages)" : ""),
                    Numbers.decimal(point.crawlerCpuMicrosPerPage(), 0) + " + " + Numbers.decimal(point.siteCpuMicrosPerPage(), 0),
                    Numbers.decimal(point.crawlerCores(), 2) + " + " + Numbers.decimal(point.siteCores(), 2),
                    Numbers.percent(point.cpuUse()) + (point.cpuBound() ? " (CPU-bound)" : ""),
                    Numbers.percent(point.machineBusy()), Numbers.decimal(point.cpuLimitPagesPerSecond(), 0),
                    Numbers.decimal(point.fetchP50Ms(), 0) + " / " + Numbers.decimal(point.fetchP99Ms(), 0),
                    Numbers.decimal(point.meanInFlight(), 0), Numbers.percent(point.jitShare()), point.depths());
        }
        return table;
    }

    private static String windowLine(CrawlPoint point) {
        StringBuilder line = new StringBuilder();
        boolean inMeasure = false;
        for (CrawlWindow window : point.windows()) {
            if (window.measured() && !inMeasure) {
                line.append("| ");
                inMeasure = true;
            }
            String rate = Numbers.decimal(window.pagesPerSecond(), 0) + (window.oneDepth() || window.records() == 0 ? "" : "d");
            line.append(window.steady() ? rate : "[" + rate + "]").append(' ');
        }
        return line.toString().trim();
    }

    private static List<CrawlPoint> phase(CrawlResults results, String phase) {
        return results.points().stream().filter(point -> point.phase().equals(phase)).toList();
    }
}
