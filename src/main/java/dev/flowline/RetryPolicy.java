package dev.flowline;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * When and how often a stage tries an element again: exponential backoff with jitter, for the errors a predicate
 * accepts. Each retry re-runs the stage's function (and its timeout) for that element only.
 *
 * <pre>{@code
 * RetryPolicy.backoff(3, Duration.ofMillis(100))      // 100ms, 200ms, 400ms (each +/- 50% jitter)
 *            .maxBackoff(Duration.ofSeconds(2))
 *            .retryOn(e -> e instanceof IOException)
 * }</pre>
 */
public final class RetryPolicy {
    private static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, error -> false);

    private final int maxRetries;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final Predicate<? super Throwable> retryable;

    private RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff, double jitter,
                        Predicate<? super Throwable> retryable) {
        this.maxRetries = maxRetries;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
        this.retryable = retryable;
    }

    /** No retries: the first error is final. The default of every stage. */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Up to {@code maxRetries} retries of any error, the n-th after {@code firstBackoff * 2^(n-1)} (capped by
     * {@link #maxBackoff}, 30 s unless set), randomized by {@link #jitter} (0.5 unless set).
     */
    public static RetryPolicy backoff(int maxRetries, Duration firstBackoff) {
        if (maxRetries < 0) {
            throw new FlowlineException("retries must be >= 0, got " + maxRetries);
        }
        requirePositive(firstBackoff, "first backoff");
        return new RetryPolicy(maxRetries, firstBackoff, Duration.ofSeconds(30), 0.5, error -> true);
    }

    /** The longest wait between two attempts. */
    public RetryPolicy maxBackoff(Duration maxBackoff) {
        requirePositive(maxBackoff, "max backoff");
        return new RetryPolicy(maxRetries, firstBackoff, maxBackoff, jitter, retryable);
    }

    /** Randomizes each wait by up to {@code factor} of itself, between 0 (exact delays) and 1. */
    public RetryPolicy jitter(double factor) {
        if (!(factor >= 0 && factor <= 1)) {
            throw new FlowlineException("jitter must be between 0 and 1, got " + factor);
        }
        return new RetryPolicy(maxRetries, firstBackoff, maxBackoff, factor, retryable);
    }

    /** Retries only the errors {@code predicate} accepts; others are final at once. */
    public RetryPolicy retryOn(Predicate<? super Throwable> predicate) {
        return new RetryPolicy(maxRetries, firstBackoff, maxBackoff, jitter, Objects.requireNonNull(predicate));
    }

    /** How many times an element may be tried again after its first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    boolean retries() {
        return maxRetries > 0;
    }

    /** The Reactor form, timing its waits on {@code timer} and telling {@code onRetry} before each retry. */
    Retry toReactor(Scheduler timer, Consumer<Throwable> onRetry) {
        RetryBackoffSpec spec = Retry.backoff(maxRetries, firstBackoff)
                .maxBackoff(maxBackoff)
                .jitter(jitter)
                .filter(retryable)
                .scheduler(timer)
                .doBeforeRetry(signal -> onRetry.accept(signal.failure()))
                .onRetryExhaustedThrow((ignored, signal) -> signal.failure());
        return spec;
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new FlowlineException(what + " must be a positive duration, got " + duration);
        }
    }

    @Override
    public String toString() {
        return maxRetries == 0 ? "none"
                : maxRetries + " retries, backoff " + Durations.format(firstBackoff) + ".." + Durations.format(maxBackoff)
                        + ", jitter " + jitter;
    }
}
