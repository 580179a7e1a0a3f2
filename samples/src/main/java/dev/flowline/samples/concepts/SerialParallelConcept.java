package dev.flowline.samples.concepts;

import dev.flowline.Durations;
import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Stage;
import dev.flowline.samples.cli.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
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

    @Override
    void measure(PrintWriter out) {
        CpuWork.iterationsFor(work);  // calibrate before timing anything
        Scheduler oneThread = Schedulers.newSingle("one-core");
        try {
            Pipeline<Integer, Integer> serialWait = pipeline("serial-wait", Stage.blocking("task", (Integer n) -> sleep(wait, n)))
                    .mode(Mode.SERIAL);
            Pipeline<Integer, Long> serialWork = pipeline("serial-work", Stage.cpu("task", (Integer n) -> CpuWork.busy(work)))
                    .mode(Mode.SERIAL);
            // Many tasks in flight, one thread: waits overlap on its timer, computations can only take turns.
            Pipeline<Integer, Long> interleavedWait = pipeline("interleaved-wait",
                    Stage.async("task", (Integer n) -> Mono.delay(wait, oneThread)).concurrency(tasks));
            Pipeline<Integer, Long> interleavedWork = pipeline("interleaved-work",
                    Stage.async("task", (Integer n) -> Mono.fromCallable(() -> CpuWork.busy(work)).subscribeOn(oneThread))
                            .concurrency(tasks));
            // One thread per core, each running a task from start to end, waiting included.
            Pipeline<Integer, Integer> parallelWait = pipeline("parallel-wait",
                    Stage.blocking("task", (Integer n) -> sleep(wait, n)).concurrency(cores)).mode(Mode.THREADS).threads(cores);
            Pipeline<Integer, Long> parallelWork = pipeline("parallel-work", Stage.cpu("task", (Integer n) -> CpuWork.busy(work)));

            long[] serial = {elapsed(serialWait), elapsed(serialWork)};
            long[] interleaved = {elapsed(interleavedWait), elapsed(interleavedWork)};
            long[] parallel = {elapsed(parallelWait), elapsed(parallelWork)};
            new Table(String.format("%d tasks that wait %s, and %d tasks that compute %s, on %d cores",
                    tasks, Durations.format(wait), tasks, Durations.format(work), cores),
                    "how the tasks run", "threads", "waiting tasks (ms)", "speed-up", "computing tasks (ms)", "speed-up")
                    .row("serial: one at a time", 1, Measure.millis(serial[0]), "1.0x", Measure.millis(serial[1]), "1.0x")
                    .row("concurrent: interleaved on one thread", 1, Measure.millis(interleaved[0]),
                            Measure.speedUp(serial[0], interleaved[0]), Measure.millis(interleaved[1]), Measure.speedUp(serial[1], interleaved[1]))
                    .row("parallel: one thread per core", cores, Measure.millis(parallel[0]), Measure.speedUp(serial[0], parallel[0]),
                            Measure.millis(parallel[1]), Measure.speedUp(serial[1], parallel[1]))
                    .print(out, String.format("Interleaving on one thread sped up the waiting tasks %s but the computing "
                                    + "ones only %s; %d cores sped up computing %s: concurrency hides waiting, only "
                                    + "parallelism adds computing power.",
                            Measure.speedUp(serial[0], interleaved[0]), Measure.speedUp(serial[1], interleaved[1]), cores,
                            Measure.speedUp(serial[1], parallel[1])));
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
