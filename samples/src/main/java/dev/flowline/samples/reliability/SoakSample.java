package dev.flowline.samples.reliability;

import java.io.File;
import java.lang.management.ManagementFactory;

/**
 * One line of a soak's figures: live heap after {@code System.gc()}, live threads and open file descriptors. Flat
 * figures over a run mean no leak of memory, threads or connections.
 */
final class SoakSample {
    private SoakSample() {}

    /** Prints the figures now; the GC runs on the calling thread's request, so the heap figure is the live set. */
    static void print(String soak, String what, long fetched, long startNanos) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String[] fds = new File("/proc/self/fd").list();
        System.out.printf("%s %-7s %,10d fetches  %6.1f s  heap after GC %4d MiB  threads %3d  open fds %5d%n", soak,
                what, fetched, (System.nanoTime() - startNanos) / 1e9, heap >> 20,
                ManagementFactory.getThreadMXBean().getThreadCount(), fds == null ? -1 : fds.length);
    }
}
