package dev.flowline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The CPU benchmark's control: the same hashing on plain Java threads, no Reactor, no Flowline — one thread, then
 * one per core. If this does not scale either, the machine did not give the process its cores (other processes,
 * or a cgroup's share), and a missed speedup target says nothing about the stage.
 */
final class PlainThreadsControl {
    private PlainThreadsControl() {}

    /** Elements per second hashing {@code elements} elements split across {@code threads} platform threads. */
    static double throughput(int threads, int elements, int rounds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    long sum = 0;
                    for (int i = first; i < elements; i += threads) {
                        sum += HashWork.hash(i, rounds);
                    }
                    return sum;
                }));
            }
            for (Future<Long> part : parts) {
                part.get();
            }
            return elements / ((System.nanoTime() - start) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the control run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
