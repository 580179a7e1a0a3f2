package dev.flowline;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which calls of a stage's function to measure (CPU and run-queue time, for the {@link Advisor}), so that
 * measuring costs at most about 1% of the time: after each measured call, the next waits 100 times what reading the
 * clocks cost (at most {@value #MAX_GAP_NANOS} ns). Reading a thread's clocks takes from a few to hundreds of
 * microseconds, depending on the kernel and the load; counting calls instead of time would make a trivial stage
 * pay for it on every element it sampled.
 *
 * <p>No call in a stage's first {@value #FIRST_SAMPLE_AFTER_NANOS} ns is measured: a run that short gets no advice
 * anyway (it needs {@value Advisor#MIN_SAMPLES} samples), and the clock reads would be most of its cost — a run of
 * one element through three stages spent two thirds of its 120 µs reading {@code /proc} before this. Its calls are
 * JIT warm-up too, which says little about the stage.
 *
 * <p>Threads race for a sample: one wins it, the others run unmeasured.
 */
final class CallSampler {
    private static final long COST_MULTIPLE = 100;
    /** A long run still gets a sample every 10 ms when reading the clocks is slow (a loaded machine). */
    static final long MAX_GAP_NANOS = 10_000_000;
    private static final long CLAIMED = Long.MIN_VALUE;

    /** Calls per look at the clock, on average, while calls are quick: reading it costs more than a trivial call. */
    private static final int QUICK_CALLS_PER_LOOK = 64;
    /** Calls at least this long look at the clock every time, since it costs them nothing noticeable. */
    private static final long SLOW_CALL_NANOS = 10_000;

    static final long FIRST_SAMPLE_AFTER_NANOS = 1_000_000;

    private final AtomicLong dueNanos = new AtomicLong(System.nanoTime() + FIRST_SAMPLE_AFTER_NANOS);
    /** How often to look at the clock, from the last measured call's length; a stale read is harmless. */
    private int callsPerLook = 1;

    /** Whether the call starting now is measured; if so, the caller must {@link #done(long, long) report} its cost. */
    boolean claim() {
        // A random draw, not a shared counter: threads calling the same stage write nothing shared until a look.
        if (callsPerLook > 1 && ThreadLocalRandom.current().nextInt(callsPerLook) != 0) {
            return false;
        }
        long due = dueNanos.get();
        return due != CLAIMED && System.nanoTime() - due >= 0 && dueNanos.compareAndSet(due, CLAIMED);
    }

    /** The claimed measurement of a call of {@code callNanos} is over; it cost {@code costNanos} (the clock reads). */
    void done(long callNanos, long costNanos) {
        callsPerLook = callNanos >= SLOW_CALL_NANOS ? 1 : QUICK_CALLS_PER_LOOK;
        dueNanos.set(System.nanoTime() + Math.min(MAX_GAP_NANOS, Math.max(0, costNanos) * COST_MULTIPLE));
    }
}
