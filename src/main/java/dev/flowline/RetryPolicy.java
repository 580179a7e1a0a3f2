package dev.flowline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.function.Predicate;
import reactor.core.scheduler.Scheduler;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * When and how often a stage tries an element again: exponential backoff with jitter, for the errors a predicate
 * accepts. Each retry re-runs the stage's function (and its timeout) for that element only.
 *
 * <pre>{@code
 * RetryPolicy.backoff(3, Duration.ofMillis(100))      // about 100ms, 200ms, 400ms: jittered, never below 100ms
 *            .maxBackoff(Duration.ofSeconds(2))
 *            .retryOn(e -> e instanceof IOException)
 * }</pre>
 */
public final class RetryPolicy {
    private static final Function<Throwable, Optional<Duration>> NO_WAIT_ASKED = error -> Optional.empty();
    private static final RetryPolicy NONE =
            new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, error -> false, NO_WAIT_ASKED);

    private final int maxRetries;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final Predicate<? super Throwable> retryable;
    private final Function<? super Throwable, Optional<Duration>> askedWait;

    private RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff, double jitter,
                        Predicate<? super Throwable> retryable, Function<? super Throwable, Optional<Duration>> askedWait) {
        this.maxRetries = maxRetries;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
        this.retryable = retryable;
        this.askedWait = askedWait;
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
        return new RetryPolicy(maxRetries, firstBackoff, Duration.ofSeconds(30), 0.5, error -> true, NO_WAIT_ASKED);
    }

    /** The longest wait between two attempts. */
    public RetryPolicy maxBackoff(Duration maxBackoff) {
        requirePositive(maxBackoff, "max backoff");
        return new RetryPolicy(maxRetries, firstBackoff, maxBackoff, jitter, retryable, askedWait);
    }

    /** Randomizes each wait by up to {@code factor} of itself, between 0 (exact delays) and 1. */
    public RetryPolicy jitter(double factor) {
        if (!(factor >= 0 && factor <= 1)) {
            throw new FlowlineException("jitter must be between 0 and 1, got " + factor);
        }
        return new RetryPolicy(maxRetries, firstBackoff, maxBackoff, factor, retryable, askedWait);
    }

    /** Retries only the errors {@code predicate} accepts; others are final at once. */
    public RetryPolicy retryOn(Predicate<? super Throwable> predicate) {
        return new RetryPolicy(maxRetries, firstBackoff, maxBackoff, jitter, Objects.requireNonNull(predicate),
                askedWait);
    }

    /**
     * Lets an error say how long to wait before the next try, as an HTTP 429 or 503 does with Retry-After: when
     * {@code wait} gives a duration for a retryable error, the retry waits exactly that (no backoff, no jitter); a
     * wait longer than {@link #maxBackoff} ends the retries with that error, since the caller would not wait so
     * long. Errors it gives nothing for wait the backoff.
     *
     * <pre>{@code
     * RetryPolicy.backoff(3, Duration.ofMillis(100))
     *            .waitAsked(error -> error instanceof Busy busy ? Optional.of(busy.retryAfter()) : Optional.empty())
     * }</pre>
     */
    public RetryPolicy waitAsked(Function<? super Throwable, Optional<Duration>> wait) {
        return new RetryPolicy(maxRetries, firstBackoff, maxBackoff, jitter, retryable, Objects.requireNonNull(wait));
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
        return Retry.from(failures -> failures.concatMap(failure -> {
            Throwable error = failure.failure();
            if (failure.totalRetries() >= maxRetries || !retryable.test(error)) {
                return Mono.error(error);
            }
            Optional<Duration> asked = askedWait.apply(error);
            if (asked.isPresent() && asked.get().compareTo(maxBackoff) > 0) {
                return Mono.error(error);
            }
            Duration wait = asked.map(duration -> duration.isNegative() ? Duration.ZERO : duration)
                    .orElseGet(() -> backoff(failure.totalRetries()));
            onRetry.accept(error);
            return Mono.delay(wait, timer);
        }));
    }

    /**
     * The wait before retry number {@code retry} + 1: {@code firstBackoff * 2^retry}, capped by {@code maxBackoff},
     * moved by a random share of up to {@code jitter} of itself but never outside {@code [firstBackoff, maxBackoff]}.
     */
    Duration backoff(long retry) {
        long first = firstBackoff.toNanos();
        long max = maxBackoff.toNanos();
        long nominal = retry >= 63 || first > max >>> retry ? max : first << retry;
        long spread = (long) (nominal * jitter);
        long low = Math.max(first - nominal, -spread);
        long high = Math.min(max - nominal, spread);
        long offset = low >= high ? 0 : ThreadLocalRandom.current().nextLong(low, high + 1);
        return Duration.ofNanos(nominal + offset);
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
                        + ", jitter " + jitter + (askedWait == NO_WAIT_ASKED ? "" : ", or the wait an error asks");
    }
}
