package dev.flowline.samples.crawler;

import dev.flowline.report.RunReport;
import java.util.Optional;

/**
 * How a crawl ended: its {@link CrawlSummary}, the pipeline's {@link RunReport} (per-stage counts, latency, threads,
 * heap, CPU), and the failure that ended it early, if one did (the records written until then are complete).
 */
public record CrawlResult(CrawlSummary summary, RunReport report, Optional<String> failure) {}
