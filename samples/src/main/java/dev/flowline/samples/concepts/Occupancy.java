package dev.flowline.samples.concepts;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches one piece of work from the inside: the most callers in it at once, and how many distinct threads ran it.
 * The scheduler's view (queued, placed) can differ from this; what the work itself saw is what a reader trusts.
 */
final class Occupancy {
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    <T> T run(Callable<T> work) {
        peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
        threads.add(Thread.currentThread());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            inside.decrementAndGet();
        }
    }

    int peak() {
        return peak.get();
    }

    int threads() {
        return threads.size();
    }
}
