package dev.flowline.report;

import java.time.Duration;

/**
 * A latency distribution, summarized: how long elements took in a stage, from entering it to leaving it (queueing
 * for a thread, every attempt and every retry wait included).
 */
public record Latency(long count, Duration p50, Duration p90, Duration p99, Duration max) {
    /** No samples. */
    public static final Latency EMPTY = new Latency(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
}
