package dev.flowline;

import dev.flowline.report.Latency;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
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
 * <p><b>Where they go.</b> The first {@value #FIRST} timed latencies are kept as they are, in a small array: a
 * short run — a pipeline run per request, say — then never builds a histogram, which costs tens of microseconds
 * and 37 KB. Later ones go to a few HdrHistograms (2 significant digits, up to an hour), each thread recording
 * into the one its id picks, so that two cores finishing elements of the same stage do not fight over one
 * histogram's counters (measured: 140 ns per element recorded alone, 750 ns when two threads shared one).
 *
 * <p>A summary taken while threads record is not atomic: it can be a count or two out of step with the stage's
 * outcome counters, which only a live view can notice.
 */
final class LatencyRecorder {
    /** Elements at least this slow are all timed. */
    static final long SLOW_NANOS = 10_000;
    /** Of quicker elements, one in this many is timed. */
    static final int QUICK_SAMPLING = 16;
    /** Quick timed elements in a row before sampling starts. */
    static final int QUICK_STREAK = 32;
    /** Timed latencies kept as they are before any histogram is made. */
    static final int FIRST = 128;
    /** Bits a weight (at most {@value #QUICK_SAMPLING}) takes when packed below its latency. */
    private static final int WEIGHT_BITS = 5;
    private static final long WEIGHT_MASK = (1 << WEIGHT_BITS) - 1;
    /** Longer latencies are recorded as this one. */
    private static final long MAX_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final int STRIPES = Integer.highestOneBit(Math.min(8, Runtime.getRuntime().availableProcessors()) * 2 - 1);

    private final AtomicInteger firstClaimed = new AtomicInteger();
    private final AtomicLongArray firstNanos = new AtomicLongArray(FIRST);
    /** The weight of each of the first latencies; 0 while its slot is claimed but not yet written. */
    private final AtomicIntegerArray firstWeights = new AtomicIntegerArray(FIRST);
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
        long value = Math.max(0, Math.min(nanos, MAX_NANOS));
        timed.increment();
        if (firstClaimed.get() < FIRST) {
            int slot = firstClaimed.getAndIncrement();
            if (slot < FIRST) {
                firstNanos.set(slot, value);
                firstWeights.set(slot, weight);   // last: a reader that sees the weight sees the value
                return;
            }
        }
        int index = (int) Thread.currentThread().threadId() & (STRIPES - 1);
        AtomicHistogram stripe = stripes.get(index);
        if (stripe == null) {
            stripes.compareAndSet(index, null, new AtomicHistogram(MAX_NANOS, 2));
            stripe = stripes.get(index);
        }
        stripe.recordValueWithCount(value, weight);
    }

    /** The distribution so far, for {@code count} elements that left the stage. */
    Latency summary(long count) {
        long timedNow = timed.sum();
        Histogram all = null;
        for (int i = 0; i < STRIPES; i++) {
            AtomicHistogram stripe = stripes.get(i);
            if (stripe != null) {
                if (all == null) {
                    all = new Histogram(MAX_NANOS, 2);
                }
                all.add(stripe);
            }
        }
        // The first latencies, each packed with its weight so that sorting them sorts by latency.
        int first = Math.min(firstClaimed.get(), FIRST);
        long[] packed = new long[first];
        int kept = 0;
        for (int slot = 0; slot < first; slot++) {
            int weight = firstWeights.get(slot);
            if (weight > 0) {
                packed[kept++] = firstNanos.get(slot) << WEIGHT_BITS | weight;
            }
        }
        packed = Arrays.copyOf(packed, kept);
        if (all != null) {
            for (long entry : packed) {
                all.recordValueWithCount(entry >>> WEIGHT_BITS, entry & WEIGHT_MASK);
            }
            return new Latency(count, Math.min(timedNow, count), Duration.ofNanos(all.getValueAtPercentile(50)),
                    Duration.ofNanos(all.getValueAtPercentile(90)), Duration.ofNanos(all.getValueAtPercentile(99)),
                    Duration.ofNanos(all.getMaxValue()));
        }
        if (kept == 0) {
            return Latency.EMPTY;
        }
        Arrays.sort(packed);
        long total = 0;
        for (long entry : packed) {
            total += entry & WEIGHT_MASK;
        }
        return new Latency(count, Math.min(timedNow, count), percentile(50, total, packed),
                percentile(90, total, packed), percentile(99, total, packed),
                Duration.ofNanos(packed[kept - 1] >>> WEIGHT_BITS));
    }

    /** The latency at {@code percentile} of sorted packed latencies weighing {@code total}, ranked as HdrHistogram ranks. */
    private static Duration percentile(double percentile, long total, long[] sorted) {
        long rank = Math.max(1, (long) (percentile / 100 * total + 0.5));
        long seen = 0;
        for (long entry : sorted) {
            seen += entry & WEIGHT_MASK;
            if (seen >= rank) {
                return Duration.ofNanos(entry >>> WEIGHT_BITS);
            }
        }
        return Duration.ofNanos(sorted[sorted.length - 1] >>> WEIGHT_BITS);
    }
}
