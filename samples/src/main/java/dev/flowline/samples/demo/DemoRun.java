package dev.flowline.samples.demo;

import dev.flowline.Mode;
import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import dev.flowline.samples.crawler.CrawlSummary;
import dev.flowline.samples.crawler.FetcherKind;

/**
 * One crawl of the demo: the mode and fetcher it ran with, and what it measured.
 *
 * @param mode    the execution mode
 * @param fetcher the fetcher
 * @param summary the crawl's counts
 * @param report  the pipeline's report: latency per stage, threads, heap, CPU
 */
public record DemoRun(Mode mode, FetcherKind fetcher, CrawlSummary summary, RunReport report) {

    /** The fetch stage's report. */
    public StageReport fetch() {
        return report.stages().stream().filter(stage -> stage.name().equals("fetch")).findFirst().orElseThrow();
    }

    /** Pages (records) per second of the pipeline's run. */
    public double pagesPerSecond() {
        double seconds = report.elapsed().toNanos() / 1e9;
        return seconds == 0 ? 0 : summary.records() / seconds;
    }

    /** Like {@code REACTIVE + non-blocking}. */
    public String label() {
        return mode + " + " + fetcher.label();
    }
}
