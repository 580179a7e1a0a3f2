package dev.flowline.samples.concepts;

import java.time.Duration;

/**
 * CPU-bound work of a chosen size that the JIT cannot remove or shorten: a chain of multiply-rotate-xor steps where
 * each needs the previous one and the loop counter (C2 ran a plain multiply-add chain 15 times faster once fully
 * compiled than a fresh JVM did, so the "same" task differed between a thread and a child JVM). Sized in iterations,
 * so that a thread and a child JVM can be handed exactly the same task; {@link #iterationsFor} converts a duration of
 * one core on this machine into iterations.
 */
final class CpuWork {
    private static volatile long iterationsPerMilli;

    private CpuWork() {}

    /** Runs {@code iterations} steps and returns a value that depends on all of them. */
    static long spin(long iterations) {
        long x = iterations;
        for (long i = 0; i < iterations; i++) {
            x = Long.rotateLeft(x * 0x9E3779B97F4A7C15L, 31) ^ i;
        }
        return x;
    }

    /** How many iterations keep one core busy for {@code duration}, measured once per JVM. */
    static long iterationsFor(Duration duration) {
        return Math.max(1, Math.round(duration.toNanos() / 1e6 * iterationsPerMilli()));
    }

    /** Runs about {@code duration} of work on the calling thread. */
    static long busy(Duration duration) {
        return spin(iterationsFor(duration));
    }

    private static long iterationsPerMilli() {
        if (iterationsPerMilli == 0) {
            synchronized (CpuWork.class) {
                if (iterationsPerMilli == 0) {
                    iterationsPerMilli = calibrate();
                }
            }
        }
        return iterationsPerMilli;
    }

    // The fastest of several timed runs, after the JIT has compiled the loop: other load only slows a run down.
    private static long calibrate() {
        long probe = 2_000_000;
        long sink = 0;
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 12; run++) {
            long start = System.nanoTime();
            sink += spin(probe);
            best = Math.min(best, System.nanoTime() - start);
        }
        if (sink == 42) {
            System.out.print("");  // keeps the result alive
        }
        return Math.max(1, Math.round(probe / (best / 1e6)));
    }
}
