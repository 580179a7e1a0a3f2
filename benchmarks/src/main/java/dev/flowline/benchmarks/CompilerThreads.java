package dev.flowline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        ThreadCensus.eachThread((task, name) -> {
            if (ThreadCensus.Kind.of(name, false) == ThreadCensus.Kind.JIT) {
                stats.add(task.resolve("stat"));
            }
        });
        return new CompilerThreads(List.copyOf(stats));
    }

    /** CPU time the compiler threads have used so far, in clock ticks (user and system). */
    long cpuTicks() {
        long ticks = 0;
        for (Path stat : stats) {
            try {
                ticks += CpuTimes.ticksIn(Files.readString(stat));
            } catch (IOException | RuntimeException e) {
                // A compiler thread that has ended uses no more time.
            }
        }
        return ticks;
    }
}
