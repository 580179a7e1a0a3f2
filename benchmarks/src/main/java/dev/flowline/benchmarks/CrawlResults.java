package dev.flowline.benchmarks;

import java.util.List;

/**
 * Everything one crawl benchmark run produced: what the JSON file holds, and what the other outputs are made from.
 * {@code warmup} is the warm-up crawl, its windows included; {@code points} are the measured crawls.
 */
record CrawlResults(
        String command,
        String profile,
        String startedAt,
        Machine machine,
        String loadAverageAfter,
        int sitePages,
        int links,
        int pageBytes,
        double sweepLatencyMs,
        CrawlPoint warmup,
        List<CrawlPoint> points,
        List<TargetCheck> targets) {
}
