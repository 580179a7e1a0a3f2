package dev.flowline.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The client JVM of the fetch benchmark: one variant, run by the coordinator. It opens the variant's driver, prints
 * {@code READY}, then runs each {@link PointSpec} the coordinator sends on stdin (a line of JSON), in turn, and
 * prints each as a line {@code POINT <json>}; it ends when its stdin closes. The coordinator gives each variant a
 * JVM of its own, so that no variant's threads, heap or JIT state leaks into another's figures.
 *
 * <p>Peaks (threads, RSS, heap) are sampled during a point's window only. Before each point but a footprint one
 * the JVM collects its garbage (a full GC, which lets G1 give back heap that the previous point grew): a JVM seldom
 * returns memory otherwise, and the next point's peak RSS would carry the last one's. It may still carry some
 * (native memory, a connection pool's buffers): the memory per request in flight comes from the footprint point,
 * run in a JVM that has done nothing but warm up.
 */
@Command(name = "fetch-client", mixinStandardHelpOptions = true)
public final class FetchClient implements Callable<Integer> {
    static final String READY = "READY";
    static final String POINT_PREFIX = "POINT ";

    @Option(names = "--variant", required = true, converter = VariantConverter.class)
    FetchVariant variant;

    @Option(names = "--max-concurrency", required = true, description = "the most requests any point will hold in flight")
    int maxConcurrency;

    @Option(names = "--pages", defaultValue = "1000")
    int pages;

    private FetchClient() {}

    /** Runs the points sent on stdin until it closes; exit status 1 with a one-line reason when one fails. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new FetchClient()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Driver driver = variant.open(maxConcurrency); StatusSampler sampler = new StatusSampler()) {
            ClosedLoop loop = new ClosedLoop(driver, sampler);
            System.out.println(READY);
            System.out.flush();
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                long started = System.nanoTime();
                PointSpec spec = json.readValue(line, PointSpec.class);
                FetchPoint point = measure(loop, spec);
                System.out.println(POINT_PREFIX + json.writeValueAsString(point));
                System.out.flush();
                // The log says where a run's time goes.
                System.err.printf(Locale.ROOT, "%s C=%d at L = %.0f ms: %.1f s%n", spec.phase(), spec.concurrency(),
                        spec.latencyMs(), (System.nanoTime() - started) / 1e9);
            }
        }
        return 0;
    }

    private FetchPoint measure(ClosedLoop loop, PointSpec spec) throws InterruptedException {
        if (spec.phase().equals(PointSpec.FOOTPRINT)) {
            return footprint(loop, spec);
        }
        if (!spec.phase().equals(PointSpec.WARMUP)) {
            loop.awaitQuiet();
            System.gc();
        }
        Measurement measured = loop.run(spec.url(), pages, spec.concurrency(), Duration.ofMillis(spec.warmupMs()), true,
                Duration.ofMillis(spec.measureMs()), () -> { }, () -> { });
        return FetchPoint.of(spec.phase(), variant, spec.concurrency(), spec.latencyMs(), measured, null, null);
    }

    /**
     * Reads the idle RSS after a full GC (the JVM warmed up, nothing in flight), then holds C slow requests in
     * flight and reads the RSS again after another full GC: what is left between the two is what the in-flight
     * requests cost (garbage, which depends on the allocation rate rather than on the requests held, is collected
     * both times). The point's warmup is the ramp to C in flight.
     */
    private FetchPoint footprint(ClosedLoop loop, PointSpec spec) throws InterruptedException {
        loop.awaitQuiet();
        long idleRss = rssAfterFullGc();
        long[] heldRss = {0};
        Measurement held = loop.run(spec.url(), pages, spec.concurrency(), Duration.ofMillis(spec.warmupMs()), false,
                Duration.ofMillis(spec.measureMs()), System::gc, () -> heldRss[0] = rssAfterFullGc());
        return FetchPoint.of(spec.phase(), variant, spec.concurrency(), spec.latencyMs(), held, idleRss, heldRss[0]);
    }

    private static long rssAfterFullGc() {
        System.gc();
        try {
            Thread.sleep(300);  // let the collector hand freed memory back to the OS
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ProcessStatus.now().rssBytes();
    }

    /** Reads a variant's name as the command line spells it. */
    static final class VariantConverter implements CommandLine.ITypeConverter<FetchVariant> {
        @Override
        public FetchVariant convert(String value) {
            return FetchVariant.parse(value);
        }
    }
}
