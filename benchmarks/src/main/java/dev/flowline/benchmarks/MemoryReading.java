package dev.flowline.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The client JVM's memory at rest: resident memory as the OS counts it, and the live heap (heap in use after a full
 * GC). The footprint point takes one with nothing in flight and one with C requests held; the difference over C is
 * the memory per request, RSS in all, and the live heap's part of it.
 *
 * @param rssBytes      the median of the last {@link #READS} RSS readings after the full GC, once they hold still
 * @param liveHeapBytes heap in use right after the full GC
 */
record MemoryReading(long rssBytes, long liveHeapBytes) {
    static final int READS = 5;
    private static final long READ_PERIOD_MILLIS = 40;
    /** RSS readings this close together count as still: a few pages of timers and sampling. */
    private static final long STILL_BYTES = 256 * 1024;
    private static final int MOST_READS = 25;
    /** The JIT counts as quiet once it has finished no compilation for this long. */
    private static final long JIT_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long JIT_QUIET_AT_MOST_NANOS = TimeUnit.SECONDS.toNanos(3);

    /**
     * Waits until the JIT compilers are quiet (a compilation in progress holds megabytes of scratch memory), collects
     * the garbage, then reads RSS until it holds still: G1 returns the regions a full GC freed (beyond what
     * -XX:MaxHeapFreeRatio lets it keep) to the OS on a background thread, after the collection, and the JVM trims
     * the C heap every so often (-XX:TrimNativeHeapInterval). The median of the last readings keeps one stray reading
     * out of it.
     */
    static MemoryReading afterFullGc() throws InterruptedException {
        awaitJitQuiet();
        System.gc();
        long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long[] last = new long[READS];
        for (int read = 0; read < MOST_READS; read++) {
            Thread.sleep(READ_PERIOD_MILLIS);
            last[read % READS] = ProcessStatus.now().rssBytes();
            if (read >= READS - 1 && spread(last) <= STILL_BYTES) {
                break;
            }
        }
        return new MemoryReading(median(last), liveHeap);
    }

    /** Like {@code RSS 111.3 MiB, live heap 10.6 MiB}. */
    String describe() {
        return String.format(Locale.ROOT, "RSS %.1f MiB, live heap %.1f MiB", rssBytes / 1048576.0, liveHeapBytes / 1048576.0);
    }

    /**
     * Waits until the JIT compilers have been idle for a while (at most a few seconds): no compilation finished, and
     * no compiler thread used CPU time (a long compilation in progress finishes nothing for a while).
     */
    private static void awaitJitQuiet() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        CompilerThreads compilers = CompilerThreads.find();
        long started = System.nanoTime();
        long quietSince = started;
        long activity = compilers.cpuTicks() + (timed ? jit.getTotalCompilationTime() : 0);
        while (System.nanoTime() - quietSince < JIT_QUIET_NANOS && System.nanoTime() - started < JIT_QUIET_AT_MOST_NANOS) {
            Thread.sleep(20);
            long now = compilers.cpuTicks() + (timed ? jit.getTotalCompilationTime() : 0);
            if (now != activity) {
                activity = now;
                quietSince = System.nanoTime();
            }
        }
    }

    private static long spread(long[] values) {
        return Arrays.stream(values).max().orElse(0) - Arrays.stream(values).min().orElse(0);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
