package dev.flowline.benchmarks;

import java.util.List;

/**
 * What the crawl benchmark's coordinator hands its crawler JVM, as one JSON argument: the crawls to make, in order
 * (the first a warm-up whose figures are thrown away), and where to read the site's CPU time.
 *
 * @param sitePid   the site JVM's process id
 * @param sitePages the site's pages: no measured crawl is capped below them
 * @param warmupPages the warm-up crawl's least size: it ends once it has this many pages and the JIT is quiet, or
 *                    when its {@code warmupMs} has passed
 * @param windowMs  the length of a window; every settling time and measured interval is a whole number of them
 * @param crawls    {@link PointSpec}s: {@code warmupMs} is the settling time, from the crawl's start to its
 *                  measured interval, {@code measureMs} the interval, after which the crawl is stopped
 */
record CrawlPlan(long sitePid, int sitePages, int warmupPages, long windowMs, List<PointSpec> crawls) {

    /** How long the crawls take, drains and JVM start aside. */
    long plannedMillis() {
        return crawls.stream().mapToLong(crawl -> crawl.warmupMs() + crawl.measureMs()).sum();
    }
}
