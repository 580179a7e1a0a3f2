package dev.flowline;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;

/**
 * One named step of a {@link Pipeline}: a function, the {@link Kind} of work it does, and how it may run —
 * concurrency, order, timeout, retries, error policy and rate limit. Stages are immutable; every option returns a
 * new stage.
 *
 * <pre>{@code
 * Stage<String, Page> fetch = Stage.async("fetch", fetcher::fetch)
 *         .concurrency(256)
 *         .unordered()
 *         .timeout(Duration.ofSeconds(5))
 *         .retry(RetryPolicy.backoff(2, Duration.ofMillis(200)))
 *         .onError(ErrorPolicy.SKIP);
 * }</pre>
 *
 * <p>Contract: every element a stage receives ends in exactly one of: output, filtered, failed, skipped,
 * dead-lettered, cancelled — and the stage's report counts it there. A function that returns {@code null}
 * "filters" the element only when the stage was made with {@link #filter}; otherwise {@code null} is an error naming
 * the stage and the element. An async function whose publisher completes empty filters the element.
 *
 * <p>Defaults: concurrency is the number of cores for CPU stages, 32 for BLOCKING_IO and 256 for ASYNC_IO;
 * output is ordered; no timeout, no retries, no rate limit; errors FAIL the run.
 *
 * @param <I> what the stage takes
 * @param <O> what the stage gives
 */
public final class Stage<I, O> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final int MAX_CONCURRENCY = 1_000_000;

    final String name;
    final Kind kind;
    final Function<? super I, ? extends O> function;                   // CPU and BLOCKING_IO
    final Function<? super I, ? extends Publisher<? extends O>> async; // ASYNC_IO
    final boolean filters;
    final int concurrency;
    final boolean ordered;
    final Duration timeout;
    final RetryPolicy retry;
    final ErrorPolicy errorPolicy;
    final double ratePerSecond;

    private Stage(String name, Kind kind, Function<? super I, ? extends O> function,
                  Function<? super I, ? extends Publisher<? extends O>> async, boolean filters, int concurrency,
                  boolean ordered, Duration timeout, RetryPolicy retry, ErrorPolicy errorPolicy, double ratePerSecond) {
        this.name = name;
        this.kind = kind;
        this.function = function;
        this.async = async;
        this.filters = filters;
        this.concurrency = concurrency;
        this.ordered = ordered;
        this.timeout = timeout;
        this.retry = retry;
        this.errorPolicy = errorPolicy;
        this.ratePerSecond = ratePerSecond;
    }

    private static <I, O> Stage<I, O> of(String name, Kind kind, Function<? super I, ? extends O> function,
                                         Function<? super I, ? extends Publisher<? extends O>> async, boolean filters) {
        return new Stage<>(checkName(name), kind, function, async, filters, defaultConcurrency(kind), true, null,
                RetryPolicy.none(), ErrorPolicy.FAIL, 0);
    }

    /** A CPU-bound stage: {@code function} computes and must not block. Runs on the parallel scheduler. */
    public static <I, O> Stage<I, O> cpu(String name, Function<? super I, ? extends O> function) {
        return of(name, Kind.CPU, Objects.requireNonNull(function, "function"), null, false);
    }

    /** A stage whose {@code function} may block its thread (JDBC, files, a blocking client). */
    public static <I, O> Stage<I, O> blocking(String name, Function<? super I, ? extends O> function) {
        return of(name, Kind.BLOCKING_IO, Objects.requireNonNull(function, "function"), null, false);
    }

    /**
     * A non-blocking I/O stage: {@code function} starts the I/O and returns a publisher of its one result, without
     * blocking. Flowline takes the publisher's first element and cancels the rest.
     */
    public static <I, O> Stage<I, O> async(String name, Function<? super I, ? extends Publisher<? extends O>> function) {
        return of(name, Kind.ASYNC_IO, null, Objects.requireNonNull(function, "function"), false);
    }

    /** A CPU stage that keeps the elements {@code keep} accepts and counts the others as filtered. */
    public static <T> Stage<T, T> filter(String name, Predicate<? super T> keep) {
        Objects.requireNonNull(keep, "keep");
        return of(name, Kind.CPU, element -> keep.test(element) ? element : null, null, true);
    }

    /** At most {@code concurrency} elements in this stage at once (its bound on threads, connections, memory). */
    public Stage<I, O> concurrency(int concurrency) {
        return new Stage<>(name, kind, function, async, filters, checkConcurrency(name, concurrency), ordered, timeout,
                retry, errorPolicy, ratePerSecond);
    }

    /** Outputs leave in the order their inputs arrived (the default); a slow element holds back later ones. */
    public Stage<I, O> ordered() {
        return new Stage<>(name, kind, function, async, filters, concurrency, true, timeout, retry, errorPolicy,
                ratePerSecond);
    }

    /** Outputs leave as soon as they are ready, in any order. */
    public Stage<I, O> unordered() {
        return new Stage<>(name, kind, function, async, filters, concurrency, false, timeout, retry, errorPolicy,
                ratePerSecond);
    }

    /** Each attempt on an element fails with a {@link java.util.concurrent.TimeoutException} after {@code timeout}. */
    public Stage<I, O> timeout(Duration timeout) {
        return new Stage<>(name, kind, function, async, filters, concurrency, ordered, checkTimeout(name, timeout),
                retry, errorPolicy, ratePerSecond);
    }

    /** How failed attempts are retried; see {@link RetryPolicy}. */
    public Stage<I, O> retry(RetryPolicy retry) {
        return new Stage<>(name, kind, function, async, filters, concurrency, ordered, timeout,
                Objects.requireNonNull(retry, "retry"), errorPolicy, ratePerSecond);
    }

    /** What happens to an element that still fails after its retries. */
    public Stage<I, O> onError(ErrorPolicy policy) {
        return new Stage<>(name, kind, function, async, filters, concurrency, ordered, timeout, retry,
                Objects.requireNonNull(policy, "policy"), ratePerSecond);
    }

    /** At most {@code elementsPerSecond} elements start this stage per second, evenly spaced. */
    public Stage<I, O> rateLimit(double elementsPerSecond) {
        if (!(elementsPerSecond > 0 && elementsPerSecond <= 1e9)) {
            throw new FlowlineException("stage '" + name + "': rate limit must be > 0 elements per second, got "
                    + elementsPerSecond);
        }
        return new Stage<>(name, kind, function, async, filters, concurrency, ordered, timeout, retry, errorPolicy,
                elementsPerSecond);
    }

    /**
     * The same stage declared as another kind — what a configuration override of {@code kind} does. CPU and
     * BLOCKING_IO convert freely; a CPU or BLOCKING_IO function becomes an ASYNC_IO stage that runs where it is
     * called; an ASYNC_IO stage may only become BLOCKING_IO (its publisher is then awaited on that thread).
     */
    Stage<I, O> asKind(Kind newKind) {
        if (newKind == kind) {
            return this;
        }
        if (kind == Kind.ASYNC_IO && newKind == Kind.CPU) {
            throw new FlowlineException("stage '" + name + "' is ASYNC_IO and cannot be declared CPU: awaiting its "
                    + "publisher would block a CPU thread; declare it BLOCKING_IO instead");
        }
        return new Stage<>(name, newKind, function, async, filters,
                concurrency == defaultConcurrency(kind) ? defaultConcurrency(newKind) : concurrency,
                ordered, timeout, retry, errorPolicy, ratePerSecond);
    }

    /** The stage's name, unique within its pipeline. */
    public String name() {
        return name;
    }

    /** The kind of work the stage declares. */
    public Kind kind() {
        return kind;
    }

    static int defaultConcurrency(Kind kind) {
        return switch (kind) {
            case CPU -> Runtime.getRuntime().availableProcessors();
            case BLOCKING_IO -> 32;
            case ASYNC_IO -> 256;
        };
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FlowlineException("bad name '" + name + "': use 1 to 64 letters, digits, '-' or '_', "
                    + "starting with a letter or digit");
        }
        return name;
    }

    static int checkConcurrency(String stage, int concurrency) {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new FlowlineException("stage '" + stage + "': concurrency must be between 1 and " + MAX_CONCURRENCY
                    + ", got " + concurrency);
        }
        return concurrency;
    }

    static Duration checkTimeout(String stage, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new FlowlineException("stage '" + stage + "': timeout must be a positive duration, got " + timeout);
        }
        return timeout;
    }

    @Override
    public String toString() {
        return "Stage[" + name + ", " + kind + ", concurrency " + concurrency + (ordered ? ", ordered" : ", unordered")
                + (timeout == null ? "" : ", timeout " + Durations.format(timeout)) + ", retry " + retry
                + ", on error " + errorPolicy + (ratePerSecond > 0 ? ", " + ratePerSecond + "/s" : "") + "]";
    }
}
