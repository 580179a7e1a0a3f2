package dev.flowline.report;

import dev.flowline.Durations;
import java.time.Duration;

/**
 * A latency distribution, summarized: how long elements took in a stage, from entering it to leaving it (queueing
 * for a thread, every attempt and every retry wait included).
 *
 * <p>{@code count} elements left the stage (cancelled ones have no latency); {@code timed} of them were timed.
 * Flowline times every element that takes 10 µs or more; of quicker ones it times a random one in 16, because
 * reading the clock would cost more than the element itself. When {@link #sampled()}, the percentiles are
 * estimates from that sample and {@code max} is the largest latency sampled.
 */
public record Latency(long count, long timed, Duration p50, Duration p90, Duration p99, Duration max) {
    /** No samples. */
    public static final Latency EMPTY = new Latency(0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** True when fewer elements were timed than left the stage: the figures are estimates from a sample. */
    public boolean sampled() {
        return timed < count;
    }

    /** One of this distribution's figures as text, such as {@code 1.2ms}, or {@code ~1.2ms} when it is an estimate. */
    public String format(Duration figure) {
        return (sampled() ? "~" : "") + Durations.format(figure);
    }
}
