package dev.flowline;

import java.io.FileInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads how the current platform thread has spent its life so far: on a core, and waiting in the OS run queue for
 * one. Telling the two apart is what lets the {@link Advisor} recognize CPU work even when it runs on more threads
 * than there are cores (then it spends most of its wall time runnable but not running).
 *
 * <p>CPU time comes from the JVM; the run-queue wait from {@code /proc/thread-self/schedstat} on Linux, and is
 * unknown (zero) elsewhere.
 */
final class ThreadClock {
    private static final String SCHEDSTAT_FILE = "/proc/thread-self/schedstat";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile boolean schedstat = Files.isReadable(Path.of(SCHEDSTAT_FILE));

    /** Nothing is known (a virtual thread, whose CPU time the JVM does not give). */
    static final long[] UNKNOWN = {-1, -1};

    private ThreadClock() {}

    /** {@code {cpuNanos, runQueueNanos}} of the current thread, or {@link #UNKNOWN}. */
    static long[] read() {
        // CPU time from the JVM's clock: schedstat's figure lags, missing the slice the thread is running now.
        long cpu = Thread.currentThread().isVirtual() ? -1 : THREADS.getCurrentThreadCpuTime();
        return cpu < 0 ? UNKNOWN : new long[] {cpu, runQueueNanos()};
    }

    /** The second field of {@code schedstat} ("run time, run-queue wait, time slices"), read without a Path. */
    private static long runQueueNanos() {
        if (schedstat) {
            // A plain stream: Files.readAllBytes stats the file first, which costs several times the read itself.
            try (FileInputStream file = new FileInputStream(SCHEDSTAT_FILE)) {
                byte[] line = new byte[96];
                int length = file.readNBytes(line, 0, line.length);
                int field = 0;
                long value = 0;
                for (int i = 0; i < length; i++) {
                    byte c = line[i];
                    if (c == ' ') {
                        if (field == 1) {
                            return value;
                        }
                        field++;
                    } else if (field == 1) {
                        if (c < '0' || c > '9') {
                            throw new NumberFormatException(new String(line, 0, length, StandardCharsets.US_ASCII));
                        }
                        value = value * 10 + (c - '0');
                    }
                }
                throw new NumberFormatException(new String(line, 0, length, StandardCharsets.US_ASCII));
            } catch (IOException | RuntimeException e) {
                schedstat = false;   // not this kernel's format: run-queue time is unknown from now on
            }
        }
        return 0;
    }
}
