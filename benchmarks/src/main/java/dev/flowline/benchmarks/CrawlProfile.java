package dev.flowline.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How much of the crawl benchmark to run. The crawler's JVM makes a warm-up crawl (L = 0, thrown away), then the
 * saturation crawl (L = 0), then one crawl per concurrency of the sweep (at the sweep's latency), each from the
 * site's home page: a settling time (the crawl's first, small depths, the ramp to C in flight), then a measured
 * interval of whole windows, then a stop. Durations are fixed; page counts vary with the machine.
 *
 * @param sitePages   big enough that no crawl runs out of pages: the crawler stays in its big depths (4 and 5 with 20
 *                    links a page), where depth barriers are seconds apart
 * @param warmupPages  the warm-up crawl's least size; past it, the warm-up ends once the crawler's JIT compilers are
 *                     quiet ({@link CrawlClient#JIT_QUIET}), so that a busy machine, which gives the compilers less
 *                     CPU, still measures compiled code...
 * @param warmupAtMost ...or at this time at most
 */
record CrawlProfile(
        String name,
        int sitePages,
        Duration window,
        int warmupPages,
        Duration warmupAtMost,
        int saturationConcurrency,
        Duration saturationSettle,
        Duration saturationMeasure,
        Duration sweepLatency,
        List<Integer> sweepConcurrency,
        Duration sweepSettle,
        Duration sweepMeasure) {

    /** Links per page and page size: the shape issue #4's targets name (~2 KB pages with 20 links). */
    static final int LINKS = 20;
    static final int PAGE_BYTES = 2048;

    CrawlProfile {
        for (Duration duration : List.of(saturationSettle, saturationMeasure, sweepSettle, sweepMeasure, warmupAtMost)) {
            if (duration.toMillis() % window.toMillis() != 0) {
                throw new IllegalArgumentException(duration + " is not a whole number of " + window + " windows");
            }
        }
    }

    /** For tests: seconds. */
    static final CrawlProfile TINY = new CrawlProfile("tiny", 500_000, Duration.ofMillis(250), 1_000, Duration.ofSeconds(2),
            256, Duration.ofMillis(500), Duration.ofMillis(1500),
            Duration.ofMillis(50), List.of(50, 200), Duration.ofMillis(500), Duration.ofMillis(1000));

    /** For users: under two minutes on two quiet cores (the warm-up takes longer on a busy machine). */
    static final CrawlProfile QUICK = new CrawlProfile("quick", 500_000, Duration.ofSeconds(1), 60_000, Duration.ofSeconds(30),
            256, Duration.ofSeconds(4), Duration.ofSeconds(12),
            Duration.ofMillis(50), List.of(50, 100, 200, 400, 1000), Duration.ofSeconds(3), Duration.ofSeconds(9));

    /** For the documented figures: under ten minutes on two cores. */
    static final CrawlProfile FULL = new CrawlProfile("full", 500_000, Duration.ofSeconds(1), 100_000, Duration.ofSeconds(60),
            256, Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMillis(50), List.of(25, 50, 100, 200, 300, 400, 600, 1000, 1500), Duration.ofSeconds(4),
            Duration.ofSeconds(20));

    static CrawlProfile named(String name) {
        return ProfileOptions.pick(name, TINY, QUICK, FULL);
    }
}
