package dev.flowline.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
    private static final Duration FIRST_REQUEST_AT_MOST = Duration.ofSeconds(30);
    private static final Duration REWARM_LONGER_AT_MOST = Duration.ofSeconds(1);

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
        Measurement measured = loop.run(spec.url(), pages, spec.concurrency(), warmup(spec),
                Duration.ofMillis(spec.measureMs()), () -> { });
        return FetchPoint.of(spec.phase(), variant, spec.concurrency(), spec.latencyMs(), measured);
    }

    /**
     * The JVM's warmup lasts until its first request has completed (a cold client's first request can take longer
     * than a short warmup); a point's re-warm until C requests have, so that each of the C in flight has gone round
     * once (its connection made, its thread started) before the window, but no longer than a second more than asked
     * (a variant that queues, like elastic, completes C requests only slowly, and is in its steady state at once).
     */
    private static ClosedLoop.Warmup warmup(PointSpec spec) {
        Duration asked = Duration.ofMillis(spec.warmupMs());
        return spec.phase().equals(PointSpec.WARMUP)
                ? new ClosedLoop.Warmup(asked, 1, asked.plus(FIRST_REQUEST_AT_MOST))
                : new ClosedLoop.Warmup(asked, spec.concurrency(), asked.plus(REWARM_LONGER_AT_MOST));
    }

    /**
     * Reads the memory (the JVM warmed up, nothing in flight); issues C slow requests and waits until the site serves
     * all C (the ramp: at most the point's warmup; a request that ends meanwhile is replaced at once, so C stay in
     * flight); reads the memory again, and holds the requests for the window, sampling the peaks. What is left
     * between the two readings is what the in-flight requests cost: each is taken at rest (the JIT quiet, after a
     * full GC), so neither garbage, which depends on the allocation rate rather than on the requests held, nor a
     * compilation's scratch memory counts.
     */
    private FetchPoint footprint(ClosedLoop loop, PointSpec spec) throws InterruptedException {
        loop.awaitQuiet();
        int before = SiteStats.inFlight(spec.url());  // none, normally; and the classes it takes are loaded now
        MemoryReading idle = MemoryReading.afterFullGc();
        long rampStart = System.nanoTime();
        long rampEnd = rampStart + TimeUnit.MILLISECONDS.toNanos(spec.warmupMs());
        MemoryReading[] held = {null};
        int[] atSite = {0};
        Measurement hold = loop.run(spec.url(), pages, spec.concurrency(), ClosedLoop.Warmup.NONE,
                Duration.ofMillis(spec.measureMs()), () -> {
                    try {
                        atSite[0] = awaitHeld(spec.url(), before, spec.concurrency(), rampEnd);
                        double ramp = (System.nanoTime() - rampStart) / 1e9;
                        held[0] = MemoryReading.afterFullGc();
                        // The log says whether the requests were all held when the memory was read.
                        System.err.printf(Locale.ROOT, "footprint: idle %s; %d requests at the site after %.1f s; held %s, "
                                        + "read %.1f s after the first request, %d requests completed by then%n",
                                idle.describe(), atSite[0], ramp, held[0].describe(), (System.nanoTime() - rampStart) / 1e9,
                                loop.completed());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while reading the memory", e);
                    }
                });
        return FetchPoint.of(spec.phase(), variant, spec.concurrency(), spec.latencyMs(), hold, idle, held[0],
                atSite[0]);
    }

    /** Waits until the site serves {@code count} more requests than {@code before}, or the deadline; returns how many. */
    private static int awaitHeld(String url, int before, int count, long deadlineNanos) throws InterruptedException {
        int held = SiteStats.inFlight(url) - before;
        while (held < count && System.nanoTime() < deadlineNanos) {
            Thread.sleep(100);
            held = SiteStats.inFlight(url) - before;
        }
        return held;
    }

    /** Reads a variant's name as the command line spells it. */
    static final class VariantConverter implements CommandLine.ITypeConverter<FetchVariant> {
        @Override
        public FetchVariant convert(String value) {
            return FetchVariant.parse(value);
        }
    }
}
