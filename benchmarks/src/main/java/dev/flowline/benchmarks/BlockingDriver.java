package dev.flowline.benchmarks;

import dev.flowline.http.FetchOptions;
import dev.flowline.http.FetchResponse;
import dev.flowline.http.Fetcher;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /** The pools of ended drives, until their threads have exited. */
    private final Queue<Pool> ending = new ConcurrentLinkedQueue<>();

    /** A drive's scheduler and the platform threads of it that ran fetches. */
    private record Pool(Scheduler scheduler, Set<Thread> threads) {

        /** A shared scheduler (not disposed by a drive's end) keeps its threads: they are not the drive's. */
        boolean ended() {
            return !scheduler.isDisposed() || threads.stream().noneMatch(Thread::isAlive);
        }
    }

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
        return Flux.using(() -> new Pool(schedulerForConcurrency.apply(effective), ConcurrentHashMap.newKeySet()),
                pool -> requests.flatMap(request -> Mono.fromCallable(() -> fetch(request, pool)).subscribeOn(pool.scheduler()),
                        effective),
                pool -> {
                    pool.scheduler().dispose();
                    ending.add(pool);
                });
    }

    private Outcome fetch(Request request, Pool pool) {
        active.incrementAndGet();
        if (!Thread.currentThread().isVirtual()) {
            pool.threads().add(Thread.currentThread());
        }
        try {
            FetchResponse response = fetcher.get(request.url());
            return response.isSuccess() ? Outcome.ok(request) : Outcome.failed(request, response.toString());
        } finally {
            active.decrementAndGet();
        }
    }

    /** Fetches running, plus the pools of ended drives whose threads are still exiting. */
    @Override
    public int active() {
        ending.removeIf(Pool::ended);
        return active.get() + ending.size();
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
