package dev.flowline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * This JVM's JIT compiler threads, found once by name in {@code /proc/self/task}, and the CPU time they have used:
 * a compilation in progress shows as compiler CPU time going up, well before it finishes (Linux; none elsewhere).
 */
final class CompilerThreads {
    private final List<Path> stats;

    private CompilerThreads(List<Path> stats) {
        this.stats = stats;
    }

    static CompilerThreads find() {
        List<Path> stats = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (ThreadCensus.Kind.of(name, false) == ThreadCensus.Kind.JIT) {
                        stats.add(task.resolve("stat"));
                    }
                } catch (IOException e) {
                    // The thread ended while we looked.
                }
            });
        } catch (IOException | RuntimeException e) {
            // Not Linux.
        }
        return new CompilerThreads(List.copyOf(stats));
    }

    /** CPU time the compiler threads have used so far, in clock ticks (user and system). */
    long cpuTicks() {
        long ticks = 0;
        for (Path stat : stats) {
            try {
                String line = Files.readString(stat);
                // pid (comm) state ppid ... : utime and stime are the 14th and 15th fields, the comm may hold spaces
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // A compiler thread that has ended uses no more time.
            }
        }
        return ticks;
    }
}
