package dev.flowline.samples.concepts;

import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Stage;
import dev.flowline.report.RunReport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The classic primitives — lock, semaphore, condition, queue, pipe, pool — each run next to its reactive
 * counterpart — serialized signals, bounded concurrency, a sink, backpressure, a sink between threads, a scheduler —
 * with the guarantee both give measured, and how many threads waited for it.
 */
@Command(name = "primitives", mixinStandardHelpOptions = true,
        description = "Lock, semaphore, condition, queue, pipe, pool next to their reactive counterparts.")
final class PrimitivesConcept extends Concept {
    private static final Duration GUARDED_WORK = Duration.ofMillis(1);

    @Option(names = "--workers", defaultValue = "8",
            description = "Threads (or subscribers) taking part in each sample (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--items", defaultValue = "10000",
            description = "Items each sample passes around (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--limit", defaultValue = "4",
            description = "The semaphore's permits, the queue's capacity and the pool's size "
                    + "(default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    void validate() {
        requireRange("--workers", workers, 1, 1_000);
        requireRange("--items", items, 1, 10_000_000);
        requireRange("--limit", limit, 1, 1_000);
    }

    @Override
    void measure(PrintWriter out) throws Exception {
        new Table(String.format("%d workers, %d items, limit %d", workers, items, limit),
                "primitive", "classic form", "measured", "reactive counterpart", "measured")
                .row("lock", "ReentrantLock around count++", lock(), "Flux.merge: signals arrive one at a time",
                        serializedSignals())
                .row("semaphore", "Semaphore(" + limit + ")", semaphore(), "Stage.concurrency(" + limit + ")",
                        boundedConcurrency())
                .row("condition", "Condition.await / signalAll", condition(), "Sinks.one(), subscribed", sink())
                .row("queue", "ArrayBlockingQueue(" + limit + ")", queue(), "publishOn(scheduler, " + limit + ")",
                        backpressure())
                .row("pipe", "PipedOutputStream -> PipedInputStream", pipe(), "Sinks.many().unicast()", sinkPipe())
                .row("pool", "Executors.newFixedThreadPool(" + limit + ")", pool(),
                        "Schedulers.newParallel(" + limit + ")", scheduler())
                .print(out, "Each reactive form kept the classic guarantee (a correct count, a bound, a wake-up, a "
                        + "bounded backlog, every item delivered, a fixed set of threads) without a thread parked to "
                        + "wait for it.");
    }

    private String lock() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        long[] count = new long[1];
        long[] unguarded = new long[1];
        onThreads(workers, worker -> {
            for (int i = 0; i < items; i++) {
                lock.lock();
                try {
                    count[0]++;
                } finally {
                    lock.unlock();
                }
            }
        });
        onThreads(workers, worker -> {  // the same increments without the lock, to show what it prevents
            for (int i = 0; i < items; i++) {
                unguarded[0]++;
            }
        });
        return count(count[0]) + " (no lock: " + unguarded[0] + ")";
    }

    // A subscriber is never called concurrently (Reactive Streams rule 1.3), so its state needs no lock.
    private String serializedSignals() {
        long[] count = new long[1];
        List<Flux<Integer>> sources = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            sources.add(Flux.range(0, items).subscribeOn(Schedulers.parallel()));
        }
        Flux.merge(sources)
                .doOnNext(item -> count[0]++)
                .blockLast();
        return count(count[0]);
    }

    private String count(long counted) {
        return "count " + counted + " of " + (long) workers * items;
    }

    private String semaphore() throws InterruptedException {
        Semaphore permits = new Semaphore(limit);
        Occupancy guarded = new Occupancy();
        onThreads(workers, worker -> {
            for (int i = 0; i < tasksPerWorker(); i++) {
                permits.acquireUninterruptibly();
                try {
                    guarded.run(() -> sleep(GUARDED_WORK, worker));
                } finally {
                    permits.release();
                }
            }
        });
        return guarded.peak() + " at once, " + guarded.threads() + " threads";
    }

    private String boundedConcurrency() {
        Occupancy guarded = new Occupancy();
        RunReport report = Pipeline.<Integer>named("semaphore")
                .then(Stage.blocking("guarded", (Integer n) -> guarded.run(() -> sleep(GUARDED_WORK, n)))
                        .concurrency(limit))
                .mode(Mode.VIRTUAL)
                .run(Flux.range(0, workers * tasksPerWorker()))
                .await();
        return guarded.peak() + " at once, " + report.stages().get(0).peakInFlight() + " in flight";
    }

    // The semaphore samples sleep per task: a few tasks per worker show the bound without taking long.
    private int tasksPerWorker() {
        return Math.min(items, 10);
    }

    private String condition() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition ready = lock.newCondition();
        boolean[] isReady = new boolean[1];
        CountDownLatch waiting = new CountDownLatch(workers);
        AtomicInteger woke = new AtomicInteger();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            waiters.add(Thread.ofPlatform().start(() -> {
                lock.lock();
                try {
                    waiting.countDown();
                    while (!isReady[0]) {
                        ready.awaitUninterruptibly();
                    }
                    woke.incrementAndGet();
                } finally {
                    lock.unlock();
                }
            }));
        }
        waiting.await();
        lock.lock();
        try {
            isReady[0] = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread waiter : waiters) {
            waiter.join();
        }
        return workers + " threads parked, " + woke + " woke";
    }

    private String sink() {
        Sinks.One<String> ready = Sinks.one();
        AtomicInteger woke = new AtomicInteger();
        for (int i = 0; i < items; i++) {
            ready.asMono().subscribe(value -> woke.incrementAndGet());
        }
        ready.tryEmitValue("ready");
        return "0 threads parked, " + woke + " subscribers woke";
    }

    private String queue() throws InterruptedException {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(limit);
        AtomicInteger peak = new AtomicInteger();
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < items; i++) {
                try {
                    queue.put(i);  // blocks the producer while the queue is full
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                peak.accumulateAndGet(queue.size(), Math::max);
            }
        });
        for (int i = 0; i < items; i++) {
            queue.take();
            CpuWork.spin(1_000);  // a consumer slower than its producer, as in the reactive sample
        }
        producer.join();
        return "at most " + peak + " queued";
    }

    // The producer emits only what the consumer requested: the backlog is bounded by the prefetch, not by memory.
    private String backpressure() {
        AtomicLong emitted = new AtomicLong();
        AtomicLong peak = new AtomicLong();
        Scheduler consumer = Schedulers.newSingle("consumer");
        try {
            long[] consumed = new long[1];
            Flux.range(0, items)
                    .doOnNext(item -> emitted.incrementAndGet())
                    .publishOn(consumer, limit)
                    .doOnNext(item -> {
                        consumed[0]++;
                        peak.accumulateAndGet(emitted.get() - consumed[0], Math::max);
                        CpuWork.spin(1_000);
                    })
                    .blockLast();
        } finally {
            consumer.dispose();
        }
        return "at most " + peak + " emitted ahead";
    }

    private String pipe() throws Exception {
        PipedInputStream input = new PipedInputStream();
        long[] sum = new long[1];
        try (DataOutputStream writer = new DataOutputStream(new PipedOutputStream(input))) {
            Thread reader = Thread.ofPlatform().start(() -> {
                try (DataInputStream in = new DataInputStream(input)) {
                    for (int i = 0; i < items; i++) {
                        sum[0] += in.readInt();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (int i = 0; i < items; i++) {
                writer.writeInt(i);
            }
            writer.flush();
            reader.join();
        }
        return delivered(sum[0]);
    }

    private String sinkPipe() throws InterruptedException {
        Sinks.Many<Integer> pipe = Sinks.many().unicast().onBackpressureBuffer();
        Mono<Long> sum = pipe.asFlux().publishOn(Schedulers.boundedElastic()).reduce(0L, Long::sum).cache();
        sum.subscribe();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < items; i++) {
                pipe.emitNext(i, Sinks.EmitFailureHandler.FAIL_FAST);
            }
            pipe.emitComplete(Sinks.EmitFailureHandler.FAIL_FAST);
        });
        writer.join();
        return delivered(sum.block());
    }

    private String delivered(long sum) {
        long expected = (long) items * (items - 1) / 2;
        return items + " items, " + (sum == expected ? "sum correct" : "sum WRONG: " + sum);
    }

    private String pool() throws Exception {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(limit);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                tasks.add(pool.submit(() -> used.add(Thread.currentThread())));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdown();
        }
        return items + " tasks on " + used.size() + " threads";
    }

    private String scheduler() {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        Scheduler pool = Schedulers.newParallel("pool", limit);
        try {
            Flux.range(0, items)
                    .flatMap(item -> Mono.fromRunnable(() -> used.add(Thread.currentThread())).subscribeOn(pool))
                    .blockLast();
        } finally {
            pool.dispose();
        }
        return items + " tasks on " + used.size() + " threads";
    }

    private interface Worker {
        void run(int worker) throws Exception;
    }

    private static void onThreads(int count, Worker worker) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    worker.run(index);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
