package dev.flowline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time as Linux counts it in {@code /proc}: of this process, of another one (the crawl benchmark's crawler reads
 * its site's) and of the whole machine (to see what other jobs take). In nanoseconds, at the kernel's clock-tick
 * resolution (10 ms: {@code USER_HZ} is 100 in Linux's user ABI), which is fine over windows of a quarter second and
 * more.
 *
 * @param selfNanos         user + system time of this process, every thread included
 * @param otherNanos        the same for the other process
 * @param machineBusyNanos  time all cores spent on anything but idling or waiting for I/O, summed
 * @param machineTotalNanos time all cores spent in any state, summed: cores x wall time
 */
record CpuTimes(long selfNanos, long otherNanos, long machineBusyNanos, long machineTotalNanos) {
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** Reads them now; throws when {@code /proc} cannot be read (not Linux). */
    static CpuTimes read(long otherPid) {
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": guest time is inside user already.
        String[] machine = firstLine(Path.of("/proc/stat")).trim().split("\\s+");
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(machine[field]);
        }
        long total = busy + Long.parseLong(machine[4]) + Long.parseLong(machine[5]);
        return new CpuTimes(processTicks("self") * NANOS_PER_TICK, processTicks(String.valueOf(otherPid)) * NANOS_PER_TICK,
                busy * NANOS_PER_TICK, total * NANOS_PER_TICK);
    }

    private static long processTicks(String pid) {
        return ticksIn(firstLine(Path.of("/proc", pid, "stat")));
    }

    /**
     * utime + stime, in clock ticks, of a {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat} line: fields 14
     * and 15, counted after the command name in parentheses (which may hold spaces).
     */
    static long ticksIn(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String firstLine(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElseThrow(() -> new IllegalStateException(file + " is empty"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (the crawl benchmark needs Linux's /proc): "
                    + e.getMessage(), e);
        }
    }
}
