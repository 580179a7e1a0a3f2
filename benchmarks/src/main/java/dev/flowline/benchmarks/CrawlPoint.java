package dev.flowline.benchmarks;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One measured crawl of the crawl benchmark: the real crawler at one latency and concurrency, as its JVM measured it.
 * What crosses from the crawler's JVM to the coordinator (as JSON), and one row of the CSV. Figures are over the
 * point's steady windows ({@code steady}), or over all its measured windows when none was steady.
 *
 * @param phase                 {@code saturation} (L = 0) or {@code sweep} (the latency sweep)
 * @param idealPagesPerSecond   Little's law, C / L; {@code null} when L is 0
 * @param steady                whether the figures are over steady windows (else over every measured window)
 * @param pagesPerSecond        pages fetched per second
 * @param fractionOfIdeal       pages per second / (C / L); {@code null} when L is 0
 * @param recordsPerSecond      records per second (pages, and URLs robots.txt refused), as {@code wc -l} counts them
 * @param measuredPagesPerSecond over every measured window, depth barriers included
 * @param wholePagesPerSecond   the whole crawl: its pages over its time, from the start (ramp-up) to the end of the
 *                              drain after the stop
 * @param crawlerCores          CPU the crawler's JVM used, in cores (CPU seconds per second)
 * @param cpuUse                (crawler + site CPU) / (cores x time): 1 is every core of the machine
 * @param machineBusy           the whole machine's CPU use, every process included, as a fraction of its cores
 * @param cpuBound              {@code cpuUse >= }{@link #CPU_BOUND}: the two processes had the machine's cores
 * @param cpuLimitPagesPerSecond cores / (crawler + site CPU per page): the pages per second every core would give
 * @param meanInFlight          Little's law the other way: pages per second x mean fetch time
 * @param jitShare              the crawler JVM's compilation time per second: more than a trace, and the figures
 *                              include warm-up
 * @param depths                the depths crawled during the measured interval, like {@code 3-4}
 * @param endedEarly            the crawl ran out of pages before the end of its measured interval
 */
record CrawlPoint(
        String phase,
        int concurrency,
        double latencyMs,
        int cores,
        Double idealPagesPerSecond,
        boolean steady,
        int steadyWindows,
        int measuredWindows,
        double seconds,
        long pages,
        double pagesPerSecond,
        Double fractionOfIdeal,
        double minWindowPagesPerSecond,
        double maxWindowPagesPerSecond,
        double recordsPerSecond,
        double measuredPagesPerSecond,
        long wholePages,
        long wholeRecords,
        double wholeSeconds,
        double wholePagesPerSecond,
        double crawlerCpuMicrosPerPage,
        double siteCpuMicrosPerPage,
        double crawlerCores,
        double siteCores,
        double cpuUse,
        double machineBusy,
        boolean cpuBound,
        double cpuLimitPagesPerSecond,
        double fetchP50Ms,
        double fetchP99Ms,
        double fetchMeanMs,
        double meanInFlight,
        double jitShare,
        String depths,
        boolean endedEarly,
        List<CrawlWindow> windows) {

    /** The share of the machine's cores the crawler and the site must use together for a point to be CPU-bound. */
    static final double CPU_BOUND = 0.85;

    static final String CSV_HEADER = "phase,concurrency,latency_ms,cores,ideal_pages_per_s,steady,steady_windows,"
            + "measured_windows,seconds,pages,pages_per_s,percent_of_ideal,min_window_pages_per_s,max_window_pages_per_s,"
            + "records_per_s,measured_pages_per_s,whole_pages,whole_records,whole_seconds,whole_pages_per_s,"
            + "crawler_cpu_us_per_page,site_cpu_us_per_page,crawler_cores,site_cores,cpu_use_percent,"
            + "machine_busy_percent,cpu_bound,cpu_limit_pages_per_s,fetch_p50_ms,fetch_p99_ms,fetch_mean_ms,"
            + "mean_in_flight,jit_percent,depths,ended_early";

    /**
     * @param windows every window of the crawl, marked steady or not
     * @param basis   the windows the figures are over
     * @param fetch   the fetch times (ms) of the pages in {@code basis}
     */
    static CrawlPoint of(PointSpec spec, int cores, List<CrawlWindow> windows, List<CrawlWindow> basis, boolean steady,
                         Histogram fetch, RecordMeter.Window whole, double wholeSeconds, boolean endedEarly) {
        double seconds = basis.stream().mapToDouble(CrawlWindow::seconds).sum();
        long pages = basis.stream().mapToLong(CrawlWindow::pages).sum();
        long records = basis.stream().mapToLong(CrawlWindow::records).sum();
        double crawlerCpu = basis.stream().mapToDouble(CrawlWindow::crawlerCpuSeconds).sum();
        double siteCpu = basis.stream().mapToDouble(CrawlWindow::siteCpuSeconds).sum();
        double machineCpu = basis.stream().mapToDouble(CrawlWindow::machineBusyCpuSeconds).sum();
        double pagesPerSecond = rate(pages, seconds);
        Double ideal = spec.latencyMs() > 0 ? spec.concurrency() * 1000.0 / spec.latencyMs() : null;
        double cpuUse = seconds == 0 ? 0 : (crawlerCpu + siteCpu) / (cores * seconds);
        double microsPerPage = pages == 0 ? 0 : (crawlerCpu + siteCpu) * 1e6 / pages;
        List<CrawlWindow> measured = windows.stream().filter(CrawlWindow::measured).toList();
        double fetchMean = fetch.getTotalCount() == 0 ? 0 : fetch.getMean();
        return new CrawlPoint(spec.phase(), spec.concurrency(), spec.latencyMs(), cores, ideal, steady,
                (int) windows.stream().filter(CrawlWindow::steady).count(), measured.size(), seconds, pages,
                pagesPerSecond, ideal == null ? null : pagesPerSecond / ideal,
                basis.stream().mapToDouble(CrawlWindow::pagesPerSecond).min().orElse(0),
                basis.stream().mapToDouble(CrawlWindow::pagesPerSecond).max().orElse(0),
                rate(records, seconds),
                rate(measured.stream().mapToLong(CrawlWindow::pages).sum(), measured.stream().mapToDouble(CrawlWindow::seconds).sum()),
                whole.pages(), whole.records(), wholeSeconds, rate(whole.pages(), wholeSeconds),
                pages == 0 ? 0 : crawlerCpu * 1e6 / pages, pages == 0 ? 0 : siteCpu * 1e6 / pages,
                seconds == 0 ? 0 : crawlerCpu / seconds, seconds == 0 ? 0 : siteCpu / seconds, cpuUse,
                seconds == 0 ? 0 : machineCpu / (cores * seconds), cpuUse >= CPU_BOUND,
                microsPerPage == 0 ? 0 : cores * 1e6 / microsPerPage,
                percentile(fetch, 50), percentile(fetch, 99), fetchMean, pagesPerSecond * fetchMean / 1000,
                seconds == 0 ? 0 : basis.stream().mapToDouble(CrawlWindow::jitSeconds).sum() / seconds,
                depths(measured), endedEarly, windows);
    }

    String csvRow() {
        return String.join(",", phase, String.valueOf(concurrency), fmt(latencyMs), String.valueOf(cores),
                fmt(idealPagesPerSecond), String.valueOf(steady), String.valueOf(steadyWindows),
                String.valueOf(measuredWindows), fmt(seconds), String.valueOf(pages), fmt(pagesPerSecond),
                fractionOfIdeal == null ? "" : fmt(100 * fractionOfIdeal), fmt(minWindowPagesPerSecond),
                fmt(maxWindowPagesPerSecond), fmt(recordsPerSecond), fmt(measuredPagesPerSecond),
                String.valueOf(wholePages), String.valueOf(wholeRecords), fmt(wholeSeconds), fmt(wholePagesPerSecond),
                fmt(crawlerCpuMicrosPerPage), fmt(siteCpuMicrosPerPage), fmt(crawlerCores), fmt(siteCores),
                fmt(100 * cpuUse), fmt(100 * machineBusy), String.valueOf(cpuBound), fmt(cpuLimitPagesPerSecond),
                fmt(fetchP50Ms), fmt(fetchP99Ms), fmt(fetchMeanMs), fmt(meanInFlight), fmt(100 * jitShare), depths,
                String.valueOf(endedEarly));
    }

    private static double rate(long count, double seconds) {
        return seconds == 0 ? 0 : count / seconds;
    }

    private static double percentile(Histogram millis, double percentile) {
        return millis.getTotalCount() == 0 ? 0 : millis.getValueAtPercentile(percentile);
    }

    private static String depths(List<CrawlWindow> measured) {
        int min = measured.stream().filter(window -> window.minDepth() >= 0).mapToInt(CrawlWindow::minDepth).min().orElse(-1);
        int max = measured.stream().mapToInt(CrawlWindow::maxDepth).max().orElse(-1);
        return min < 0 ? "none" : min == max ? String.valueOf(min) : min + "-" + max;
    }

    private static String fmt(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
