package dev.flowline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where a benchmark ran: what its figures depend on, written next to them. */
record Machine(int cores, long memoryBytes, String os, String java, String loadAverage) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryBytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + Runtime.version(), currentLoadAverage());
    }

    /** The 1, 5 and 15 minute load averages, to tell a quiet machine from a busy one. */
    static String currentLoadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    String describe() {
        return String.format(Locale.ROOT, "%d cores, %.1f GiB, %s, Java %s", cores, memoryBytes / (1024.0 * 1024 * 1024),
                os, java);
    }

    private static long totalMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through.
        }
        return -1;
    }
}
