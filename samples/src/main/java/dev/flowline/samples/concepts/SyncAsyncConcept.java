package dev.flowline.samples.concepts;

import dev.flowline.Durations;
import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Stage;
import dev.flowline.report.RunReport;
import dev.flowline.samples.cli.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Synchronous vs asynchronous calls: one slow service called with a blocking method (on one thread, on a pool, on
 * virtual threads), with a method that returns a Publisher, and with one that takes a callback.
 */
@Command(name = "sync-async", mixinStandardHelpOptions = true,
        description = "Synchronous (blocking) vs asynchronous (Publisher, callback) calls to a slow service.")
final class SyncAsyncConcept extends Concept {
    @Option(names = "--calls", defaultValue = "100", description = "Calls to make (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--latency", defaultValue = "20ms", converter = DurationConverter.class,
            description = "How long the service takes to answer (default: ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(names = "--threads", defaultValue = "8",
            description = "Threads of the blocking pool (default: ${DEFAULT-VALUE}).")
    int threads;

    /** The same slow service behind three calling conventions; it counts the threads that wait inside it. */
    private static final class SlowService {
        private final Duration latency;
        private final Occupancy waiting = new Occupancy();

        SlowService(Duration latency) {
            this.latency = latency;
        }

        /** Synchronous: the caller's thread waits until the answer is there. */
        String callBlocking(int request) {
            return waiting.run(() -> sleep(latency, "answer " + request));
        }

        /** Asynchronous: returns at once; the answer comes as the Publisher's element. */
        Mono<String> callAsync(int request) {
            return Mono.delay(latency).map(tick -> "answer " + request);
        }

        /** Asynchronous: returns at once; the answer comes to {@code callback}, on a timer thread. */
        void callWithCallback(int request, Consumer<String> callback) {
            Schedulers.parallel().schedule(() -> callback.accept("answer " + request), latency.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    @Override
    void validate() {
        requireRange("--calls", calls, 1, 100_000);
        requireRange("--latency", latency, Duration.ofMillis(1), Duration.ofSeconds(10));
        requireRange("--threads", threads, 1, 10_000);
    }

    @Override
    void measure(PrintWriter out) {
        Table table = new Table(String.format("%d calls to a service that answers in %s", calls,
                Durations.format(latency)),
                "calling style", "the call returns", "elapsed (ms)", "calls/s", "peak calls in flight",
                "threads that waited");
        long serial = row(table, "synchronous, one thread", "the answer",
                service -> Pipeline.<Integer>named("sync-serial")
                        .then(Stage.blocking("call", service::callBlocking)).mode(Mode.SERIAL));
        long pool = row(table, "synchronous, pool of " + threads + " threads", "the answer",
                service -> Pipeline.<Integer>named("sync-pool")
                        .then(Stage.blocking("call", service::callBlocking).concurrency(threads))
                        .mode(Mode.THREADS).threads(threads));
        row(table, "synchronous, a virtual thread per call", "the answer",
                service -> Pipeline.<Integer>named("sync-virtual")
                        .then(Stage.blocking("call", service::callBlocking).concurrency(calls)).mode(Mode.VIRTUAL));
        long publisher = row(table, "asynchronous, Publisher", "a Mono, at once",
                service -> Pipeline.<Integer>named("async-publisher")
                        .then(Stage.async("call", service::callAsync).concurrency(calls)));
        row(table, "asynchronous, callback", "nothing, at once",
                service -> Pipeline.<Integer>named("async-callback")
                        .then(Stage.async("call", (Integer request) -> Mono.<String>create(
                                sink -> service.callWithCallback(request, sink::success))).concurrency(calls)));
        table.print(out, String.format("Blocking calls went only as fast as threads were there to wait "
                        + "(%s ms on one thread, %s ms on %d); the asynchronous calls took %s ms with no thread "
                        + "waiting, the answer arriving as a signal.",
                Measure.millis(serial), Measure.millis(pool), threads, Measure.millis(publisher)));
    }

    private long row(Table table, String style, String returns,
                     Function<SlowService, Pipeline<Integer, String>> build) {
        SlowService service = new SlowService(latency);
        RunReport report = build.apply(service).run(Flux.range(0, calls)).await();
        long elapsed = report.elapsed().toNanos();
        table.row(style, returns, Measure.millis(elapsed), Measure.perSecond(report.outputs(), elapsed),
                report.stages().get(0).peakInFlight(), service.waiting.threads());
        return elapsed;
    }
}
