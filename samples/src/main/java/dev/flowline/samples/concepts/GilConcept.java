package dev.flowline.samples.concepts;

import dev.flowline.Durations;
import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Stage;
import dev.flowline.report.RunReport;
import dev.flowline.samples.cli.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * CPython's GIL vs the JVM: the same CPU-bound tasks on one thread, on N threads of this JVM, and on N child JVMs
 * fed over stdin/stdout pipes — the way CPython must do it — so that the start-up and IPC cost of processes shows.
 */
@Command(name = "gil", mixinStandardHelpOptions = true,
        description = "The same CPU-bound tasks on N threads vs N child JVMs (the CPython multiprocessing way).")
final class GilConcept extends Concept {
    @Option(names = "--workers", description = "Threads, and child JVMs (default: the number of cores).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--tasks", defaultValue = "16", description = "CPU-bound tasks (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--work", defaultValue = "50ms", converter = DurationConverter.class,
            description = "CPU time of each task on one core (default: ${DEFAULT-VALUE}).")
    Duration work;

    @Option(names = "--pings", defaultValue = "1000",
            description = "Round trips timed per child to measure the pipe (default: ${DEFAULT-VALUE}).")
    int pings;

    @Override
    void validate() {
        requireRange("--workers", workers, 1, 64);
        requireRange("--tasks", tasks, 1, 10_000);
        requireRange("--work", work, Duration.ofMillis(1), Duration.ofSeconds(10));
        requireRange("--pings", pings, 1, 1_000_000);
    }

    @Override
    void measure(PrintWriter out) throws Exception {
        long iterations = CpuWork.iterationsFor(work);
        AtomicLong threadChecksum = new AtomicLong();
        long oneThread = elapsed(Pipeline.<Integer>named("gil-one-thread")
                .then(Stage.cpu("task", (Integer n) -> threadChecksum.addAndGet(CpuWork.spin(iterations))))
                .mode(Mode.SERIAL));
        threadChecksum.set(0);
        long threads = elapsed(Pipeline.<Integer>named("gil-threads")
                .then(Stage.cpu("task", (Integer n) -> threadChecksum.addAndGet(CpuWork.spin(iterations)))
                        .concurrency(workers))
                .mode(Mode.THREADS).threads(workers));

        List<ChildJvm> children = new CopyOnWriteArrayList<>();
        try {
            long startUp = Measure.nanos(() -> Flux.range(0, workers)
                    .flatMap(i -> Mono.fromCallable(ChildJvm::start).subscribeOn(Schedulers.boundedElastic()))
                    .doOnNext(children::add)
                    .blockLast());
            // Each child serves one task at a time, so a task borrows a whole child from the pool.
            BlockingQueue<ChildJvm> idle = new ArrayBlockingQueue<>(workers, false, children);
            AtomicLong processChecksum = new AtomicLong();
            long processes = elapsed(Pipeline.<Integer>named("gil-processes")
                    .then(Stage.blocking("task", (Integer n) -> processChecksum.addAndGet(spinOnIdle(idle, iterations)))
                            .concurrency(workers))
                    .mode(Mode.THREADS).threads(workers));
            if (processChecksum.get() != threadChecksum.get()) {
                throw new IllegalStateException("the child JVMs computed other results than the threads: "
                        + processChecksum + " vs " + threadChecksum);
            }
            double roundTrip = Measure.nanos(() -> {
                children.forEach(child -> {
                    for (int i = 0; i < pings; i++) {
                        child.call("ping");
                    }
                });
                return null;
            }) / ((double) pings * children.size());

            new Table(String.format("%d tasks of %s CPU each; %d workers on %d cores", tasks, Durations.format(work),
                    workers, Runtime.getRuntime().availableProcessors()),
                    "how", "start-up (ms)", "compute (ms)", "total (ms)", "speed-up", "pipe round trip (us)")
                    .row("1 thread", "0.0", Measure.millis(oneThread), Measure.millis(oneThread), "1.0x", "-")
                    .row(workers + " threads, one JVM", "0.0", Measure.millis(threads), Measure.millis(threads),
                            Measure.speedUp(oneThread, threads), "-")
                    .row(workers + " child JVMs over pipes", Measure.millis(startUp), Measure.millis(processes),
                            Measure.millis(startUp + processes), Measure.speedUp(oneThread, startUp + processes),
                            Measure.micros(roundTrip))
                    .print(out, String.format("%d JVM threads ran the tasks %s faster than one (each runs Java on "
                                    + "a core of its own; under CPython's GIL they would stay at 1x); %d child JVMs, "
                                    + "CPython's way past the GIL, computed the same results but added %s ms of "
                                    + "start-up and a %s us pipe round trip per task: %s overall.",
                            workers, Measure.speedUp(oneThread, threads), workers, Measure.millis(startUp),
                            Measure.micros(roundTrip), Measure.speedUp(oneThread, startUp + processes)));
        } finally {
            children.forEach(ChildJvm::close);
        }
    }

    private static long spinOnIdle(BlockingQueue<ChildJvm> idle, long iterations) {
        ChildJvm child;
        try {
            child = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a child JVM", e);
        }
        try {
            return child.spin(iterations);
        } finally {
            idle.add(child);
        }
    }

    private long elapsed(Pipeline<Integer, ?> pipeline) {
        RunReport report = pipeline.run(Flux.range(0, tasks)).await();
        return report.elapsed().toNanos();
    }
}
