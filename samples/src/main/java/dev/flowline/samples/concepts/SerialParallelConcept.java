package dev.flowline.samples.concepts;

import dev.flowline.Durations;
import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Stage;
import dev.flowline.samples.cli.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Serial vs concurrent vs parallel: the same tasks run one after another on one thread, interleaved on one thread,
 * and on one thread per core — once for tasks that wait and once for tasks that compute.
 */
@Command(name = "serial-parallel", mixinStandardHelpOptions = true,
        description = "Serial vs concurrent (one thread, interleaved) vs parallel (one thread per core).")
final class SerialParallelConcept extends Concept {
    @Option(names = "--tasks", defaultValue = "16", description = "Tasks of each kind (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--wait", defaultValue = "50ms", converter = DurationConverter.class,
            description = "How long each waiting task waits (default: ${DEFAULT-VALUE}).")
    Duration wait;

    @Option(names = "--work", defaultValue = "50ms", converter = DurationConverter.class,
            description = "CPU time of each computing task on one core (default: ${DEFAULT-VALUE}).")
    Duration work;

    private final int cores = Runtime.getRuntime().availableProcessors();

    @Override
    void validate() {
        requireRange("--tasks", tasks, 1, 10_000);
        requireRange("--wait", wait, Duration.ofMillis(1), Duration.ofSeconds(10));
        requireRange("--work", work, Duration.ofMillis(1), Duration.ofSeconds(10));
    }

    /** One way to run the tasks: a pipeline for the waiting ones and one for the computing ones. */
    private record Arrangement(String label, int threads, Pipeline<Integer, ?> waiting,
                               Pipeline<Integer, ?> computing) {}

    /** How long an arrangement took for each kind of task. */
    private record Timing(long waiting, long computing) {}

    @Override
    void measure(PrintWriter out) {
        CpuWork.iterationsFor(work);  // calibrate before timing anything
        Scheduler oneThread = Schedulers.newSingle("one-core");
        try {
            Stage<Integer, Integer> blockingWait = Stage.blocking("task", (Integer n) -> sleep(wait, n));
            Stage<Integer, Long> compute = Stage.cpu("task", (Integer n) -> CpuWork.busy(work));
            List<Arrangement> arrangements = List.of(
                    new Arrangement("serial: one at a time", 1,
                            pipeline("serial-wait", blockingWait).mode(Mode.SERIAL),
                            pipeline("serial-work", compute).mode(Mode.SERIAL)),
                    // Every task in flight on one thread: waits overlap on its timer, computations take turns.
                    new Arrangement("concurrent: interleaved on one thread", 1,
                            pipeline("interleaved-wait", Stage.async("task",
                                    (Integer n) -> Mono.delay(wait, oneThread)).concurrency(tasks)),
                            pipeline("interleaved-work", Stage.async("task",
                                    (Integer n) -> Mono.fromCallable(() -> CpuWork.busy(work)).subscribeOn(oneThread))
                                    .concurrency(tasks))),
                    // One thread per core, each running a task from start to end, waiting included.
                    new Arrangement("parallel: one thread per core", cores,
                            pipeline("parallel-wait", blockingWait.concurrency(cores))
                                    .mode(Mode.THREADS).threads(cores),
                            pipeline("parallel-work", compute)));

            Table table = new Table(String.format("%d tasks that wait %s, and %d tasks that compute %s, on %d cores",
                    tasks, Durations.format(wait), tasks, Durations.format(work), cores),
                    "how the tasks run", "threads", "waiting tasks (ms)", "speed-up", "computing tasks (ms)",
                    "speed-up");
            List<Timing> timings = arrangements.stream()
                    .map(arrangement -> new Timing(elapsed(arrangement.waiting()), elapsed(arrangement.computing())))
                    .toList();
            Timing serial = timings.get(0);
            for (int i = 0; i < arrangements.size(); i++) {
                Timing timing = timings.get(i);
                table.row(arrangements.get(i).label(), arrangements.get(i).threads(),
                        Measure.millis(timing.waiting()), Measure.speedUp(serial.waiting(), timing.waiting()),
                        Measure.millis(timing.computing()), Measure.speedUp(serial.computing(), timing.computing()));
            }
            Timing interleaved = timings.get(1);
            Timing parallel = timings.get(2);
            table.print(out, String.format("Interleaving on one thread sped up the waiting tasks %s but the computing "
                            + "ones only %s; %d cores sped up computing %s: concurrency hides waiting, only "
                            + "parallelism adds computing power.",
                    Measure.speedUp(serial.waiting(), interleaved.waiting()),
                    Measure.speedUp(serial.computing(), interleaved.computing()), cores,
                    Measure.speedUp(serial.computing(), parallel.computing())));
        } finally {
            oneThread.dispose();
        }
    }

    private static <O> Pipeline<Integer, O> pipeline(String name, Stage<Integer, O> task) {
        return Pipeline.<Integer>named(name).then(task);
    }

    private long elapsed(Pipeline<Integer, ?> pipeline) {
        return pipeline.run(Flux.range(0, tasks)).await().elapsed().toNanos();
    }
}
