package dev.flowline.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How much of the fetch benchmark to run: the concurrency sweep at a fixed server latency, a saturation point with
 * no latency, and a footprint point with many requests held in flight. Each point warms up, then measures for a
 * fixed time: the counts vary with the machine, the duration does not.
 */
record FetchProfile(
        String name,
        Duration sweepLatency,
        List<Integer> sweepConcurrency,
        Duration sweepWarmup,
        Duration sweepMeasure,
        int saturationConcurrency,
        Duration saturationWarmup,
        Duration saturationMeasure,
        Duration footprintLatency,
        int footprintConcurrency,
        Duration footprintWarmup,
        Duration footprintRamp,
        Duration footprintHold) {

    /** For tests: seconds, a few hundred in flight at most. */
    static final FetchProfile TINY = new FetchProfile("tiny",
            Duration.ofMillis(20), List.of(1, 8), Duration.ofMillis(300), Duration.ofMillis(1000),
            8, Duration.ofMillis(300), Duration.ofMillis(1000),
            Duration.ofSeconds(1), 200, Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofMillis(500));

    /** For users: under two minutes on two cores. */
    static final FetchProfile QUICK = new FetchProfile("quick",
            Duration.ofMillis(100), List.of(1, 64, 1000), Duration.ofSeconds(1), Duration.ofSeconds(2),
            64, Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 4000, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));

    /** For the documented figures: under ten minutes on two cores. */
    static final FetchProfile FULL = new FetchProfile("full",
            Duration.ofMillis(100), List.of(1, 16, 64, 256, 1000, 4000), Duration.ofSeconds(2), Duration.ofSeconds(4),
            64, Duration.ofSeconds(8), Duration.ofSeconds(6),
            Duration.ofSeconds(5), 4000, Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3));

    static FetchProfile named(String name) {
        return switch (name) {
            case "tiny" -> TINY;
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("unknown profile '" + name + "': use tiny, quick or full");
        };
    }
}
