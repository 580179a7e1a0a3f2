package dev.flowline.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The client JVM of the fetch benchmark: runs one variant's points against a site started by the coordinator and
 * prints each as a line {@code POINT <json>} on stdout. One JVM per variant and phase, so that no variant's
 * threads, heap or JIT state leaks into another's figures.
 */
@Command(name = "fetch-client", mixinStandardHelpOptions = true)
public final class FetchClient implements Callable<Integer> {
    static final String POINT_PREFIX = "POINT ";

    @Option(names = "--variant", required = true, converter = VariantConverter.class)
    FetchVariant variant;

    @Option(names = "--phase", required = true)
    String phase;

    @Option(names = "--url", required = true, description = "base URL of the site, ending in /")
    String url;

    @Option(names = "--pages", defaultValue = "1000")
    int pages;

    @Option(names = "--latency-ms", required = true)
    double latencyMs;

    @Option(names = "--concurrency", required = true, split = ",")
    List<Integer> concurrency;

    @Option(names = "--warmup-ms", required = true)
    long warmupMs;

    @Option(names = "--measure-ms", required = true)
    long measureMs;

    @Option(names = "--footprint-warm-url", description = "footprint phase: a fast site to warm up on before the idle RSS is read")
    String footprintWarmUrl;

    @Option(names = "--footprint-ramp-ms", defaultValue = "0")
    long footprintRampMs;

    private FetchClient() {}

    /** Runs the points given on the command line; exit status 1 with a one-line reason when one fails. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new FetchClient()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int most = concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
        try (Driver driver = variant.open(most); StatusSampler sampler = new StatusSampler()) {
            ClosedLoop loop = new ClosedLoop(driver, sampler);
            for (int c : concurrency) {
                FetchPoint point = footprintWarmUrl == null
                        ? FetchPoint.of(phase, variant, c, latencyMs,
                                loop.run(url, pages, c, Duration.ofMillis(warmupMs), true, Duration.ofMillis(measureMs),
                                        () -> { }, () -> { }),
                                null, null)
                        : footprint(loop, c);
                System.out.println(POINT_PREFIX + json.writeValueAsString(point));
                System.out.flush();
            }
        }
        return 0;
    }

    /**
     * Warms the client up on a fast site (classes loaded, code compiled, pools made), reads the idle RSS after a
     * full GC, then holds C slow requests in flight and reads the RSS again after another full GC: what is left
     * between the two is what the in-flight requests cost (garbage, which depends on the allocation rate rather
     * than on the requests held, is collected both times).
     */
    private FetchPoint footprint(ClosedLoop loop, int c) throws InterruptedException {
        loop.run(footprintWarmUrl, pages, Math.min(c, 64), Duration.ofMillis(warmupMs), true, Duration.ofMillis(1),
                () -> { }, () -> { });
        long idleRss = rssAfterFullGc();
        long[] heldRss = {0};
        Measurement held = loop.run(url, pages, c, Duration.ofMillis(footprintRampMs), false, Duration.ofMillis(measureMs),
                System::gc, () -> heldRss[0] = rssAfterFullGc());
        return FetchPoint.of(phase, variant, c, latencyMs, held, idleRss, heldRss[0]);
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
