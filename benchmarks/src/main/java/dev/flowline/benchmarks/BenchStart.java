package dev.flowline.benchmarks;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** When and where a benchmark run started: written next to its figures, and said on the progress stream first. */
record BenchStart(Machine machine, String startedAt) {

    /** Reads the machine and the time, and says which benchmark starts, with what profile, on what, under what load. */
    static BenchStart announce(String benchmark, String profile, PrintStream progress) {
        Machine machine = Machine.current();
        progress.println(benchmark + " benchmark, " + profile + " profile, on " + machine.describe() + ", load average "
                + machine.loadAverage());
        return new BenchStart(machine, OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
