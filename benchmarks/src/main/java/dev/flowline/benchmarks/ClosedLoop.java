package dev.flowline.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The one measurement loop every fetch variant runs through: C requests kept in flight (a new one is issued as
 * soon as one ends), a warmup whose results are thrown away, then a time-boxed window in which completions,
 * errors, latencies, CPU time and the process's peaks are recorded. Latency runs from when the loop issued the
 * request, so time spent queued for a thread counts: that is what a caller waits.
 */
final class ClosedLoop {
    private static final long QUIESCE_MILLIS = 15_000;

    private final Driver driver;
    private final StatusSampler sampler;
    /** The last point's loop: no longer issuing requests, its fetches perhaps still running. */
    private Disposable previous;
    /** Requests the current point has completed, warmup included. */
    private volatile LongAdder ended = new LongAdder();

    /**
     * How a point warms up before its window: at least {@code atLeast}, and until {@code completed} requests have
     * completed, but no longer than {@code atMost} in all.
     */
    record Warmup(Duration atLeast, long completed, Duration atMost) {
        static final Warmup NONE = new Warmup(Duration.ZERO, 0, Duration.ZERO);
    }

    ClosedLoop(Driver driver, StatusSampler sampler) {
        this.driver = driver;
        this.sampler = sampler;
    }

    /**
     * Runs one point against the site at {@code baseUrl} ({@code pages} pages, fetched round-robin), once the
     * previous point's fetches have been cancelled and have ended: each point starts from nothing in flight. A point
     * stops issuing requests when its window ends, but leaves those in flight to the next point to cancel: the last
     * point a JVM runs leaves them running and the JVM ends with them (a footprint point's 4,000 blocked threads are
     * not woken up one by one to be told).
     *
     * @param warmup       before the window, results thrown away
     * @param beforeWindow runs between the warmup and the window (the footprint point reads the memory there)
     */
    Measurement run(String baseUrl, int pages, int concurrency, Warmup warmup, Duration window, Runnable beforeWindow)
            throws InterruptedException {
        awaitQuiet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        LongAdder completed = new LongAdder();
        LongAdder ended = new LongAdder();
        this.ended = ended;
        LongAdder errors = new LongAdder();
        Recorder latencyMicros = new Recorder(3);
        long[] next = {0};

        Flux<Request> requests = Flux.generate(sink -> {
            if (stop.get()) {
                sink.complete();
                return;
            }
            inFlight.incrementAndGet();
            sink.next(new Request(baseUrl + "page/" + (next[0]++ % pages), System.nanoTime()));
        });
        Disposable subscription = driver.drive(requests, concurrency).subscribe(outcome -> {
            inFlight.decrementAndGet();
            ended.increment();
            if (measuring.get()) {
                latencyMicros.recordValue(Math.max(0, (System.nanoTime() - outcome.issuedNanos()) / 1_000));
                completed.increment();
                if (!outcome.isOk()) {
                    errors.increment();
                    firstError.compareAndSet(null, outcome.error());
                }
            }
        }, failure::set);
        previous = subscription;
        try {
            long warmupStart = System.nanoTime();
            Thread.sleep(warmup.atLeast().toMillis());
            while (ended.sum() < warmup.completed() && failure.get() == null
                    && System.nanoTime() - warmupStart < warmup.atMost().toNanos()) {
                Thread.sleep(10);
            }
            beforeWindow.run();
            latencyMicros.reset();
            sampler.start(inFlight::get);
            long cpuStart = ProcessStatus.cpuNanos();
            long start = System.nanoTime();
            measuring.set(true);
            Thread.sleep(window.toMillis());
            measuring.set(false);
            long elapsed = System.nanoTime() - start;
            long cpu = ProcessStatus.cpuNanos() - cpuStart;
            StatusSampler.Peaks peaks = sampler.stop();
            if (failure.get() != null) {
                throw new IllegalStateException("the " + concurrency + "-request loop failed: " + failure.get(), failure.get());
            }
            return Measurement.of(completed.sum(), errors.sum(), firstError.get(), elapsed, cpu,
                    latencyMicros.getIntervalHistogram(), peaks);
        } catch (RuntimeException | InterruptedException | Error e) {
            subscription.dispose();
            throw e;
        } finally {
            stop.set(true);
        }
    }

    /** Requests the current point has completed so far, warmup included. */
    long completed() {
        return ended.sum();
    }

    /** Cancels the previous point's fetches and waits for them to end (at most 15 s). */
    void awaitQuiet() throws InterruptedException {
        if (previous != null) {
            previous.dispose();
            previous = null;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIESCE_MILLIS);
        while (driver.active() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
