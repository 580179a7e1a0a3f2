package dev.flowline;

import dev.flowline.report.RunReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live measurements of one run: elements in and out, time, and what the process spent while it ran. The JVM
 * figures (peak threads, peak heap, CPU) are process-wide: runs measured side by side should run one at a time.
 */
final class RunMetrics {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OPERATING_SYSTEM = ManagementFactory.getOperatingSystemMXBean();
    /** Looked up once: a lookup builds every pool's MXBean, which costs more than a short run's stages. */
    private static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();

    private final String pipeline;
    private final Mode mode;
    private final List<StageMetrics> stages;
    private final LongAdder sourceElements = new LongAdder();
    private final LongAdder outputs = new LongAdder();

    private volatile String state = "NOT_STARTED";
    private volatile String failure;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile long cpuStartNanos;
    private volatile long cpuEndNanos;
    private volatile long peakThreads;
    private volatile long peakHeap;

    RunMetrics(String pipeline, Mode mode, List<StageMetrics> stages) {
        this.pipeline = pipeline;
        this.mode = mode;
        this.stages = List.copyOf(stages);
    }

    List<StageMetrics> stages() {
        return stages;
    }

    void started() {
        THREADS.resetPeakThreadCount();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        cpuStartNanos = processCpuNanos();
        startNanos = System.nanoTime();
        state = "RUNNING";
    }

    void sourceEmitted() {
        sourceElements.increment();
    }

    void output() {
        outputs.increment();
    }

    /** Freezes the run's figures; only the first call counts. */
    synchronized void ended(String finalState, Throwable error) {
        if (!state.equals("RUNNING")) {
            return;
        }
        endNanos = System.nanoTime();
        cpuEndNanos = processCpuNanos();
        peakThreads = THREADS.getPeakThreadCount();
        peakHeap = currentPeakHeap();
        failure = error == null ? null : error.getMessage() == null ? error.toString() : error.getMessage();
        state = finalState;
    }

    RunReport snapshot() {
        boolean running = state.equals("RUNNING");
        boolean started = !state.equals("NOT_STARTED");
        long end = running ? System.nanoTime() : endNanos;
        long cpuEnd = running ? processCpuNanos() : cpuEndNanos;
        Duration elapsed = started ? Duration.ofNanos(end - startNanos) : Duration.ZERO;
        return new RunReport(pipeline, mode.name(), state, Optional.ofNullable(failure), sourceElements.sum(),
                outputs.sum(), elapsed,
                running ? THREADS.getPeakThreadCount() : peakThreads, running ? currentPeakHeap() : peakHeap,
                started ? Duration.ofNanos(Math.max(0, cpuEnd - cpuStartNanos)) : Duration.ZERO,
                stages.stream().map(stage -> stage.snapshot(elapsed)).toList());
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return HEAP_POOLS.stream().filter(MemoryPoolMXBean::isValid).toList();
    }

    private static long currentPeakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static long processCpuNanos() {
        return OPERATING_SYSTEM instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }
}
