package dev.flowline.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this JVM costs the machine right now, read from {@code /proc/self/status} (resident memory, OS threads —
 * the JVM's own GC and compiler threads included) and from the JVM (heap in use, live platform threads; virtual
 * threads are not OS threads and count in neither).
 */
record ProcessStatus(long rssBytes, int osThreads, int platformThreads, long heapUsedBytes) {
    private static final Path STATUS = Path.of("/proc/self/status");

    static ProcessStatus now() {
        long rss = -1;
        int threads = -1;
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) * 1024;
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.substring("Threads:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the figures read -1 and the report says they were not measured.
        }
        return new ProcessStatus(rss, threads, ManagementFactory.getThreadMXBean().getThreadCount(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** CPU time this process has used so far, every thread included. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long kilobytes(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }
}
