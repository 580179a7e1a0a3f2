package dev.flowline.samples.concepts;

import dev.flowline.Durations;
import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Stage;
import dev.flowline.report.RunReport;
import dev.flowline.samples.cli.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The factory picture: a production line is a process, its workers are threads, and workers who pick up other work
 * while they wait are coroutines — drawn as a Flowline pipeline and run with each kind of worker.
 */
@Command(name = "factory", mixinStandardHelpOptions = true,
        description = "A production line (process), its workers (threads), and workers who do other work while "
                + "they wait (coroutines), as a pipeline run in every mode.")
final class FactoryConcept extends Concept {
    @Option(names = "--orders", defaultValue = "60", description = "Orders to build (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--workers", defaultValue = "4",
            description = "Workers (platform threads) on the THREADS line (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--delivery", defaultValue = "10ms", converter = DurationConverter.class,
            description = "Wait for an order's parts, without blocking (default: ${DEFAULT-VALUE}).")
    Duration delivery;

    @Option(names = "--assembly", defaultValue = "2ms", converter = DurationConverter.class,
            description = "CPU time to assemble an order (default: ${DEFAULT-VALUE}).")
    Duration assembly;

    @Option(names = "--drying", defaultValue = "30ms", converter = DurationConverter.class,
            description = "Wait for the paint to dry, blocking (default: ${DEFAULT-VALUE}).")
    Duration drying;

    @Override
    void validate() {
        requireRange("--orders", orders, 1, 100_000);
        requireRange("--workers", workers, 1, 10_000);
        requireRange("--delivery", delivery, Duration.ofMillis(1), Duration.ofSeconds(10));
        requireRange("--assembly", assembly, Duration.ofMillis(1), Duration.ofSeconds(10));
        requireRange("--drying", drying, Duration.ofMillis(1), Duration.ofSeconds(10));
    }

    @Override
    void measure(PrintWriter out) {
        String machine = Table.machine();
        CpuWork.iterationsFor(assembly);  // calibrate before timing anything
        Pipeline<Integer, Long> line = Pipeline.<Integer>named("factory")
                .then(Stage.async("deliver-parts", (Integer order) -> Mono.delay(delivery).thenReturn(order))
                        .concurrency(orders))
                .then(Stage.cpu("assemble", (Integer order) -> CpuWork.busy(assembly)))
                .then(Stage.blocking("paint-and-dry", (Long product) -> sleep(drying, product)).concurrency(orders));
        out.printf("""
                The factory: one production line is one OS process (pid %d): one address space and one heap that all
                its workers share. Workers are threads; a worker who leaves a waiting order to pick up another is a
                coroutine (a virtual thread, or a reactive continuation).

                  %d orders --> [deliver-parts] --> [assemble] --> [paint-and-dry] --> shipped
                                 waits %-6s        computes %-5s   waits %-6s
                                 (async)           (CPU)           (blocking)

                  SERIAL    one worker carries each order through every station, one order at a time
                  THREADS   %d workers; a worker stands by while its order's paint dries
                  REACTIVE  parts arrive as signals; drying blocks workers borrowed from boundedElastic
                  VIRTUAL   a virtual worker per drying order, unmounted while it waits

                """, ProcessHandle.current().pid(), orders, Durations.format(delivery), Durations.format(assembly),
                Durations.format(drying), workers);
        List<RunReport> runs = new ArrayList<>();
        for (Mode mode : List.of(Mode.SERIAL, Mode.THREADS, Mode.REACTIVE, Mode.VIRTUAL)) {
            runs.add(line.mode(mode).threads(workers).run(Flux.range(0, orders)).await());
        }
        out.println(RunReport.sideBySide(runs));
        out.println(String.format("Workers who stand by while they wait set the pace (%s with one, %s with %d); "
                        + "workers who pick up other work while they wait shipped the same %d orders in %s.",
                Durations.format(runs.get(0).elapsed()), Durations.format(runs.get(1).elapsed()), workers, orders,
                Durations.format(runs.get(3).elapsed())));
        out.println(machine);
        out.flush();
    }
}
