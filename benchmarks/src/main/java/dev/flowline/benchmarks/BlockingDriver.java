package dev.flowline.benchmarks;

import dev.flowline.http.FetchOptions;
import dev.flowline.http.FetchResponse;
import dev.flowline.http.Fetcher;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Flowline's blocking fetcher (the JDK HttpClient's {@code send}), each fetch blocking a thread of the scheduler
 * the variant names: the thread-per-request models.
 */
final class BlockingDriver implements Driver {
    private final Fetcher fetcher = Fetcher.blocking(FetchOptions.defaults());
    private final IntFunction<Scheduler> schedulerForConcurrency;
    private final boolean oneAtATime;
    private final AtomicInteger active = new AtomicInteger();
    /** Pools of ended drives whose threads have not all exited yet. */
    private final AtomicInteger draining = new AtomicInteger();

    /**
     * @param schedulerForConcurrency the threads a drive at that concurrency blocks; disposed when the drive ends
     * @param oneAtATime              ignore the concurrency asked for and fetch serially
     */
    BlockingDriver(IntFunction<Scheduler> schedulerForConcurrency, boolean oneAtATime) {
        this.schedulerForConcurrency = schedulerForConcurrency;
        this.oneAtATime = oneAtATime;
    }

    @Override
    public Flux<Outcome> drive(Flux<Request> requests, int concurrency) {
        int effective = oneAtATime ? 1 : concurrency;
        return Flux.using(() -> schedulerForConcurrency.apply(effective),
                scheduler -> requests.flatMap(request -> Mono.fromCallable(() -> fetch(request)).subscribeOn(scheduler),
                        effective),
                this::release);
    }

    /**
     * Shuts an ended drive's pool down. Until its threads have exited it counts as {@link #active()}: the next
     * point waits for them, so that its thread figures do not carry the last point's pool.
     */
    private void release(Scheduler scheduler) {
        draining.incrementAndGet();
        scheduler.disposeGracefully()
                .doFinally(signal -> draining.decrementAndGet())
                .subscribe(done -> { }, error -> { });
    }

    private Outcome fetch(Request request) {
        active.incrementAndGet();
        try {
            FetchResponse response = fetcher.get(request.url());
            return response.isSuccess() ? Outcome.ok(request) : Outcome.failed(request, response.toString());
        } finally {
            active.decrementAndGet();
        }
    }

    @Override
    public int active() {
        return active.get() + draining.get();
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
