package dev.flowline.samples.concepts;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Process vs thread vs coroutine, on the JVM: OS processes, platform threads, virtual threads and reactive
 * continuations, measured by what it costs to create one, to keep one alive while it waits, and to switch to it.
 */
@Command(name = "units", mixinStandardHelpOptions = true,
        description = "Process vs thread vs virtual thread vs reactive continuation: creation, memory, switch cost.")
final class UnitsConcept extends Concept {
    private static final String SLEEP_SECONDS = "30";  // a bound on a sleep process's life, even if we are killed

    @Option(names = "--count", defaultValue = "10000",
            description = "Platform threads, virtual threads and continuations to create (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--processes", defaultValue = "100",
            description = "`sleep` processes to create (default: ${DEFAULT-VALUE}).")
    int processes;

    @Option(names = "--jvms", defaultValue = "4", description = "Child JVMs to start (default: ${DEFAULT-VALUE}).")
    int jvms;

    @Option(names = "--switches", defaultValue = "10000",
            description = "Round trips timed to measure a switch (default: ${DEFAULT-VALUE}).")
    int switches;

    /**
     * One kind of unit, measured per unit: creation time, memory while it waits (and where that memory was
     * measured, since each kind keeps it elsewhere), and one-way switch time.
     */
    private record Unit(String name, String owns, String scheduledBy, int count, double createNanos,
                        double memoryBytes, String memoryMeasure, double switchNanos) {}

    /** Where a kind of unit keeps its memory while it waits, so where to measure its growth. */
    private enum Memory {
        RESIDENT("this JVM's RSS growth"),
        HEAP("live heap growth");

        final String label;

        Memory(String label) {
            this.label = label;
        }

        long sample() {
            return this == RESIDENT ? Measure.residentBytes() : Measure.liveHeapBytes();
        }

        double perUnit(long before, int units) {
            return before < 0 ? Measure.UNAVAILABLE : (double) (sample() - before) / units;
        }
    }

    @Override
    void validate() {
        requireRange("--count", count, 1, 100_000);
        requireRange("--processes", processes, 0, 1_000);
        requireRange("--jvms", jvms, 0, 32);
        requireRange("--switches", switches, 1, 1_000_000);
    }

    @Override
    void measure(PrintWriter out) throws Exception {
        List<Unit> units = new ArrayList<>();
        if (processes > 0) {
            units.add(sleepProcesses());
        }
        if (jvms > 0) {
            units.add(childJvms());
        }
        Unit platform = null;
        Unit virtual = null;
        Unit continuation = null;
        // The first pass, a tenth of the size, loads and compiles the code, so that the second one measures the units.
        for (int size : new int[] {Math.max(1, count / 10), count}) {
            int rounds = size == count ? switches : Math.max(1, switches / 10);
            platform = threads("platform thread", "a stack (1 MB reserved); shares the heap", "the OS",
                    Thread.ofPlatform().daemon(), Memory.RESIDENT, size, rounds);
            virtual = threads("virtual thread", "a stack chunk on the heap; shares the heap",
                    "the JVM, on carrier threads", Thread.ofVirtual(), Memory.HEAP, size, rounds);
            continuation = continuations(size, rounds);
        }
        units.addAll(List.of(platform, virtual, continuation));

        Table table = new Table(String.format("What one unit of concurrency costs (%d cores)",
                Runtime.getRuntime().availableProcessors()),
                "unit", "owns", "scheduled by", "count", "create (us/unit)", "memory (KB/unit)", "memory measured as",
                "switch (us)");
        units.forEach(unit -> table.row(unit.name(), unit.owns(), unit.scheduledBy(), unit.count(),
                Measure.micros(unit.createNanos()), Measure.kilobytes(unit.memoryBytes()), unit.memoryMeasure(),
                unit.switchNanos() < 0 ? "-" : Measure.micros(unit.switchNanos())));
        table.print(out, String.format("Waiting, a platform thread kept %s KB, a virtual thread %s KB and a "
                        + "continuation %s KB, and they took %s, %s and %s us to create; processes cost the most to "
                        + "start and to keep: a million waits fit in virtual threads or continuations, not in "
                        + "threads or processes.",
                Measure.kilobytes(platform.memoryBytes()), Measure.kilobytes(virtual.memoryBytes()),
                Measure.kilobytes(continuation.memoryBytes()), Measure.micros(platform.createNanos()),
                Measure.micros(virtual.createNanos()), Measure.micros(continuation.createNanos())));
    }

    private Unit sleepProcesses() throws IOException {
        List<Process> started = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < processes; i++) {
                started.add(ChildProcesses.start(new ProcessBuilder("sleep", SLEEP_SECONDS)));
            }
            long create = System.nanoTime() - start;
            double memory = started.stream().mapToLong(process -> Measure.proportionalBytes(process.pid())).average()
                    .orElse(Measure.UNAVAILABLE);
            return new Unit("OS process (`sleep`)", "an address space, file table, everything", "the OS", processes,
                    (double) create / processes, memory, "the child's PSS", Measure.UNAVAILABLE);
        } finally {
            started.forEach(ChildProcesses::stop);
        }
    }

    private Unit childJvms() throws IOException {
        List<ChildJvm> started = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < jvms; i++) {
                started.add(ChildJvm.start());  // one at a time, so that each start-up is measured alone
            }
            long create = System.nanoTime() - start;
            double memory = started.stream().mapToLong(child -> Measure.proportionalBytes(child.pid())).average()
                    .orElse(Measure.UNAVAILABLE);
            ChildJvm first = started.get(0);
            long roundTrips = System.nanoTime();
            for (int i = 0; i < switches; i++) {
                first.call("ping");
            }
            double oneWay = (System.nanoTime() - roundTrips) / (2.0 * switches);
            return new Unit("OS process (child JVM)", "the same, plus its own heap, JIT and GC", "the OS", jvms,
                    (double) create / jvms, memory, "the child's PSS", oneWay);
        } finally {
            started.forEach(ChildJvm::close);
        }
    }

    private Unit threads(String name, String owns, String scheduledBy, Thread.Builder builder,
                         Memory memory, int units, int rounds) throws Exception {
        CountDownLatch started = new CountDownLatch(units);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(units);
        long memoryBefore = memory.sample();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < units; i++) {
                threads.add(builder.start(() -> {
                    started.countDown();
                    awaitQuietly(release);
                }));
            }
            started.await();
            long create = System.nanoTime() - start;
            return new Unit(name, owns, scheduledBy, units, (double) create / units,
                    memory.perUnit(memoryBefore, units), memory.label, pingPong(builder, rounds));
        } finally {
            release.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    // Two threads hand a token back and forth: each hand-off parks one thread and wakes the other.
    private static double pingPong(Thread.Builder builder, int rounds) throws InterruptedException {
        SynchronousQueue<Integer> ping = new SynchronousQueue<>();
        SynchronousQueue<Integer> pong = new SynchronousQueue<>();
        long[] elapsed = new long[1];
        Thread echo = builder.start(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    pong.put(ping.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread driver = builder.start(() -> {
            try {
                long start = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    ping.put(i);
                    pong.take();
                }
                elapsed[0] = System.nanoTime() - start;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        driver.join();
        echo.join();
        return elapsed[0] / (2.0 * rounds);
    }

    private static Unit continuations(int units, int rounds) throws Exception {
        CountDownLatch resumed = new CountDownLatch(units);
        List<Sinks.One<Integer>> pending = new ArrayList<>(units);
        long memoryBefore = Memory.HEAP.sample();
        long start = System.nanoTime();
        // Each unit is what a reactive call leaves behind while its I/O is pending: a subscribed chain, no stack.
        for (int i = 0; i < units; i++) {
            Sinks.One<Integer> completion = Sinks.one();
            completion.asMono().map(value -> value + 1).subscribe(value -> resumed.countDown());
            pending.add(completion);
        }
        long create = System.nanoTime() - start;
        double memory = Memory.HEAP.perUnit(memoryBefore, units);
        pending.forEach(completion -> completion.tryEmitValue(1));
        resumed.await();
        return new Unit("reactive continuation", "a subscriber object on the heap; no stack",
                "an event loop (Reactor)", units, (double) create / units, memory, Memory.HEAP.label,
                eventLoopHop(rounds));
    }

    // A continuation handed to an event loop is a task in its queue: time one enqueue-and-run, on one thread.
    private static double eventLoopHop(int rounds) throws InterruptedException {
        Scheduler eventLoop = Schedulers.newSingle("event-loop");
        try {
            CountDownLatch done = new CountDownLatch(1);
            Runnable[] hop = new Runnable[1];
            int[] remaining = {rounds};
            hop[0] = () -> {
                if (--remaining[0] == 0) {
                    done.countDown();
                } else {
                    eventLoop.schedule(hop[0]);
                }
            };
            long start = System.nanoTime();
            eventLoop.schedule(hop[0]);
            done.await();
            return (double) (System.nanoTime() - start) / rounds;
        } finally {
            eventLoop.dispose();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
