package dev.flowline;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;

/**
 * The latencies of one stage's elements, recorded from many threads at once.
 *
 * <p><b>Which elements are timed.</b> Timing an element reads the clock twice, about 50 ns here: nothing for an
 * element that takes a millisecond, most of the cost of one that takes 100 ns. So every element is timed while the
 * stage's elements take {@value #SLOW_NANOS} ns or more (the reads then cost under 1%); once
 * {@value #QUICK_STREAK} timed elements in a row took less, one element in {@value #QUICK_SAMPLING}, drawn at
 * random, is timed and recorded with a weight of {@value #QUICK_SAMPLING}, until a slow one is seen again. The
 * percentiles of a sampled stage are estimates from an unbiased random sample; its max is the largest sampled.
 *
 * <p><b>Contention.</b> A few histograms, each thread recording into the one its id picks, so that two cores
 * finishing elements of the same stage do not fight over one histogram's counters (measured: 140 ns per element
 * recorded alone, 750 ns when two threads shared one). Each histogram is created on first use, since a run creates
 * a recorder per stage. (A histogram that grows with its values instead would save 20-30 KB in a short run but
 * resizes through an exception, and costs more per record.)
 *
 * <p>A snapshot while threads record is not atomic: it can be a count or two out of step with the stage's
 * outcome counters, which only a live view can notice.
 */
final class LatencyRecorder {
    /** Elements at least this slow are all timed. */
    static final long SLOW_NANOS = 10_000;
    /** Of quicker elements, one in this many is timed. */
    static final int QUICK_SAMPLING = 16;
    /** Quick timed elements in a row before sampling starts. */
    static final int QUICK_STREAK = 32;
    /** Longer latencies are recorded as this one. */
    private static final long MAX_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final int STRIPES = Integer.highestOneBit(Math.min(8, Runtime.getRuntime().availableProcessors()) * 2 - 1);

    private final AtomicReferenceArray<AtomicHistogram> stripes = new AtomicReferenceArray<>(STRIPES);
    private final LongAdder timed = new LongAdder();
    /** Quick timed elements in a row, up to {@link #QUICK_STREAK}; racy on purpose: a heuristic, written rarely. */
    private int quickStreak;

    /**
     * Whether to time the element entering the stage now: the weight to {@link #record} its latency with, or 0 to
     * leave it untimed.
     */
    int weightOfNext() {
        if (quickStreak < QUICK_STREAK) {
            return 1;
        }
        return ThreadLocalRandom.current().nextInt(QUICK_SAMPLING) == 0 ? QUICK_SAMPLING : 0;
    }

    /** Records the latency of one timed element, chosen with {@code weight}. */
    void record(long nanos, int weight) {
        if (nanos >= SLOW_NANOS) {
            if (quickStreak != 0) {
                quickStreak = 0;
            }
        } else if (quickStreak < QUICK_STREAK) {
            quickStreak++;
        }
        int index = (int) Thread.currentThread().threadId() & (STRIPES - 1);
        AtomicHistogram stripe = stripes.get(index);
        if (stripe == null) {
            stripes.compareAndSet(index, null, new AtomicHistogram(MAX_NANOS, 2));
            stripe = stripes.get(index);
        }
        stripe.recordValueWithCount(Math.max(0, Math.min(nanos, MAX_NANOS)), weight);
        timed.increment();
    }

    /** How many elements were timed so far. */
    long timed() {
        return timed.sum();
    }

    /** All latencies recorded so far, weighted, in one histogram. */
    Histogram snapshot() {
        Histogram all = new Histogram(MAX_NANOS, 2);
        for (int i = 0; i < STRIPES; i++) {
            AtomicHistogram stripe = stripes.get(i);
            if (stripe != null) {
                all.add(stripe);
            }
        }
        return all;
    }
}
