package dev.flowline.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How much of the fetch benchmark to run: the concurrency sweep at a fixed server latency, a saturation point with
 * no latency, and a footprint point with many requests held in flight. Each client JVM warms up once, at L = 0, then
 * runs its points in turn, each re-warmed briefly before a window of fixed length: the counts vary with the machine,
 * the windows do not.
 *
 * @param jvmWarmup the first thing every client JVM does: fetch from the L = 0 site at the saturation concurrency,
 *                  results thrown away, so that classes are loaded and code compiled before any point
 * @param rewarm    before each point's window, at that point's latency and concurrency, results thrown away: at
 *                  least this long, and until C requests have completed (at most a second more), so that the C in
 *                  flight reach the steady state (their connections made, a fresh pool of C threads started)
 *                  outside the window
 * @param footprintRamp    the most the footprint point waits for the site to serve its C requests; it goes on as
 *                         soon as it does (about 2 s here on a quiet machine)
 * @param footprintHold    how long the footprint point holds its requests, sampling peaks, once its memory is read
 * @param footprintLeftOut variants without a footprint point in this profile, to save time (elastic never has one)
 */
record FetchProfile(
        String name,
        Duration jvmWarmup,
        Duration rewarm,
        Duration sweepLatency,
        List<Integer> sweepConcurrency,
        Duration sweepMeasure,
        int saturationConcurrency,
        Duration saturationMeasure,
        Duration footprintLatency,
        int footprintConcurrency,
        Duration footprintRamp,
        Duration footprintHold,
        List<FetchVariant> footprintLeftOut) {

    /** For tests: seconds, a few hundred in flight at most. */
    static final FetchProfile TINY = new FetchProfile("tiny", Duration.ofMillis(300), Duration.ofMillis(200),
            Duration.ofMillis(20), List.of(1, 8), Duration.ofMillis(1000),
            8, Duration.ofMillis(1000),
            Duration.ofSeconds(1), 200, Duration.ofSeconds(2), Duration.ofMillis(500), List.of());

    /**
     * For users: under two minutes on two cores. Platform threads have no footprint point here: starting 4,000 of
     * them took 10-15 s on the project's machine, an eighth of the budget, and their cost shows in the sweep; nor
     * has the Flowline stage, whose footprint is the non-blocking client's plus its per-element bookkeeping (the
     * full profile measures it), for the 5-7 s a footprint point takes.
     */
    static final FetchProfile QUICK = new FetchProfile("quick", Duration.ofSeconds(1), Duration.ofMillis(300),
            Duration.ofMillis(100), List.of(1, 64, 1000), Duration.ofMillis(1500),
            64, Duration.ofSeconds(2),
            Duration.ofSeconds(5), 4000, Duration.ofSeconds(8), Duration.ofSeconds(1), List.of(FetchVariant.THREADS, FetchVariant.FLOWLINE));

    /** For the documented figures: under ten minutes on two cores. */
    static final FetchProfile FULL = new FetchProfile("full", Duration.ofSeconds(4), Duration.ofSeconds(1),
            Duration.ofMillis(100), List.of(1, 16, 64, 256, 1000, 4000), Duration.ofSeconds(4),
            64, Duration.ofSeconds(6),
            Duration.ofSeconds(5), 4000, Duration.ofSeconds(8), Duration.ofSeconds(3), List.of());

    static FetchProfile named(String name) {
        return ProfileOptions.pick(name, TINY, QUICK, FULL);
    }
}
