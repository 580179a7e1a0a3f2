package dev.flowline.samples.concepts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The measurements the concepts share: wall time, the process's resident memory, the heap in use, and how to print
 * them with their units. Memory figures come from Linux's {@code /proc}; elsewhere they read as "n/a".
 */
final class Measure {
    static final long UNAVAILABLE = -1;

    private Measure() {}

    /** Nanoseconds {@code work} took on the wall clock. */
    static long nanos(Callable<?> work) throws Exception {
        long start = System.nanoTime();
        work.call();
        return System.nanoTime() - start;
    }

    /** This process's resident set size in bytes. */
    static long residentBytes() {
        return statusField(Path.of("/proc/self/status"), "VmRSS:");
    }

    /**
     * The proportional set size of process {@code pid} in bytes: its private pages plus its share of the pages it
     * shares (libraries, the JDK's class-data archive), so that summing it over processes does not count a shared
     * page twice, as summing resident sizes would.
     */
    static long proportionalBytes(long pid) {
        return statusField(Path.of("/proc/" + pid + "/smaps_rollup"), "Pss:");
    }

    /** Heap in use once garbage is collected: what live objects, parked virtual threads included, hold. */
    static long liveHeapBytes() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long statusField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: the figure is simply unavailable.
        }
        return UNAVAILABLE;
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e3);
    }

    /** How many times faster than {@code baselineNanos} a run of {@code nanos} was, such as {@code 3.9x}. */
    static String speedUp(long baselineNanos, long nanos) {
        return String.format(Locale.ROOT, "%.1fx", (double) baselineNanos / nanos);
    }

    static String perSecond(long count, long nanos) {
        return String.format(Locale.ROOT, "%.0f", count / (nanos / 1e9));
    }

    /** {@code bytes} in KB, or "n/a" when the figure was unavailable. */
    static String kilobytes(double bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", bytes / 1024);
    }
}
