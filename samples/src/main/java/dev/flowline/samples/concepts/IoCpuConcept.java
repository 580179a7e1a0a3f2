package dev.flowline.samples.concepts;

import dev.flowline.Durations;
import dev.flowline.Pipeline;
import dev.flowline.Stage;
import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import dev.flowline.samples.cli.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;

/**
 * I/O-bound vs CPU-bound work: one pipeline, a blocking "store" then a computing "hash", declared right and then
 * each declared as the other kind, so that Flowline places it on the wrong scheduler and the cost shows.
 */
@Command(name = "io-cpu", mixinStandardHelpOptions = true,
        description = "I/O-bound vs CPU-bound stages, declared right and wrong: where they run and what it costs.")
final class IoCpuConcept extends Concept {
    @Option(names = "--elements", defaultValue = "200",
            description = "Elements to process (default: ${DEFAULT-VALUE}).")
    int elements;

    @Option(names = "--wait", defaultValue = "20ms", converter = DurationConverter.class,
            description = "How long \"store\" blocks per element (default: ${DEFAULT-VALUE}).")
    Duration wait;

    @Option(names = "--work", defaultValue = "5ms", converter = DurationConverter.class,
            description = "CPU time \"hash\" takes per element (default: ${DEFAULT-VALUE}).")
    Duration work;

    /** How a stage's function is declared: the kind Flowline is told, not the kind of work it does. */
    private enum Declared {
        CPU, BLOCKING;

        <O> Stage<Integer, O> stage(String name, Function<Integer, O> function) {
            return this == CPU ? Stage.cpu(name, function) : Stage.blocking(name, function);
        }
    }

    @Override
    void validate() {
        requireRange("--elements", elements, 1, 100_000);
        requireRange("--wait", wait, Duration.ofMillis(1), Duration.ofSeconds(1));
        requireRange("--work", work, Duration.ofMillis(1), Duration.ofSeconds(1));
    }

    @Override
    void measure(PrintWriter out) {
        CpuWork.iterationsFor(work);  // calibrate before timing anything
        Table table = new Table(String.format("%d elements: \"store\" blocks %s, then \"hash\" computes %s (%d cores)",
                elements, Durations.format(wait), Durations.format(work), Runtime.getRuntime().availableProcessors()),
                "declared", "store ran on", "hash ran on", "elapsed (ms)", "elements/s", "store threads",
                "hash threads", "hash at once", "hash p50 (ms)", "hash p99 (ms)");
        StageTimes right = row(table, "right: store blocking, hash cpu", Declared.BLOCKING, Declared.CPU);
        StageTimes blockingOnParallel = row(table, "wrong: store declared cpu", Declared.CPU, Declared.CPU);
        StageTimes cpuOnElastic = row(table, "wrong: hash declared blocking", Declared.BLOCKING, Declared.BLOCKING);
        table.print(out, String.format("Declared CPU, the blocking store held the %d parallel threads and the run took "
                        + "%s ms instead of %s; declared blocking, hash ran on %d threads taking turns on the cores, "
                        + "so a hash took %s ms at the median instead of %s, for a run of %s ms.",
                Runtime.getRuntime().availableProcessors(), Measure.millis(blockingOnParallel.elapsed()),
                Measure.millis(right.elapsed()), cpuOnElastic.hashThreads(), Measure.millis(cpuOnElastic.hashMedian()),
                Measure.millis(right.hashMedian()), Measure.millis(cpuOnElastic.elapsed())));
    }

    /** What the finding quotes from one run: its elapsed time, and the hash stage's median and threads. */
    private record StageTimes(long elapsed, long hashMedian, int hashThreads) {}

    private StageTimes row(Table table, String label, Declared store, Declared hash) {
        Occupancy storing = new Occupancy();
        Occupancy hashing = new Occupancy();
        RunReport report = Pipeline.<Integer>named("io-cpu")
                .then(store.stage("store", (Integer n) -> storing.run(() -> sleep(wait, n))))
                .then(hash.stage("hash", (Integer n) -> hashing.run(() -> CpuWork.busy(work))))
                .run(Flux.range(0, elements))
                .await();
        StageReport storeReport = report.stages().get(0);
        StageReport hashReport = report.stages().get(1);
        long elapsed = report.elapsed().toNanos();
        table.row(label, storeReport.placement(), hashReport.placement(), Measure.millis(elapsed),
                Measure.perSecond(report.outputs(), elapsed), storing.threads(), hashing.threads(), hashing.peak(),
                Measure.millis(hashReport.latency().p50().toNanos()),
                Measure.millis(hashReport.latency().p99().toNanos()));
        return new StageTimes(elapsed, hashReport.latency().p50().toNanos(), hashing.threads());
    }
}
