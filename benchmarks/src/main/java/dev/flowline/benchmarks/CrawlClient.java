package dev.flowline.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowline.Mode;
import dev.flowline.samples.crawler.CrawlConfig;
import dev.flowline.samples.crawler.CrawlResult;
import dev.flowline.samples.crawler.Crawler;
import dev.flowline.samples.crawler.FetcherKind;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The crawler JVM of the crawl benchmark: makes the crawls of the {@link CrawlPlan} given as its one argument, in
 * turn, each a new {@link Crawler} (the one {@code flowline crawl} runs: non-blocking fetcher, REACTIVE, per-host
 * cap = concurrency, no host delay, robots.txt obeyed) from the site's home page, and prints each as a line
 * {@code POINT <json>} (the first is the warm-up, which ends once the JIT is quiet: {@link #JIT_QUIET}). A clock thread ends a window every {@code windowMs}, reading the
 * crawl's output ({@link RecordMeter}) and {@code /proc} ({@link CpuTimes}), and stops the crawl at the end of its
 * measured interval; the crawl then drains what it has in flight. Exit status 1, with the reason on stderr, when a
 * crawl fails.
 */
public final class CrawlClient {
    static final String POINT_PREFIX = "POINT ";
    /** Deep enough never to be reached: the site's page count is the crawl's only bound. */
    private static final int MAX_DEPTH = 10_000;
    /**
     * The warm-up ends once the JIT compilers worked less than this share of a window (and enough pages were
     * crawled): a fixed size was not enough on a busy machine, where the compiler threads get little CPU and the
     * first measured crawl still ran at half its later pages per CPU-second.
     */
    static final double JIT_QUIET = 0.02;

    private CrawlClient() {}

    /** Makes the crawls of the plan given as JSON in {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        CrawlPlan plan = json.readValue(args[0], CrawlPlan.class);
        int cores = Runtime.getRuntime().availableProcessors();
        for (PointSpec spec : plan.crawls()) {
            System.gc();  // the last crawl's seen set and frontier are garbage: not this one's to collect
            CrawlPoint point = crawl(plan, spec, cores);
            System.out.println(POINT_PREFIX + json.writeValueAsString(point));
            System.out.flush();
            // The log says where a run's time goes.
            System.err.printf(Locale.ROOT, "%s C=%d at L = %.0f ms: %.0f pages/s (%s), %d pages in %.1f s, JIT %.0f%% "
                            + "of the last window%n", spec.phase(), spec.concurrency(), spec.latencyMs(),
                    point.pagesPerSecond(), point.steady() ? "steady" : "no steady window", point.wholePages(),
                    point.wholeSeconds(), 100 * point.windows().getLast().jitSeconds() / point.windows().getLast().seconds());
        }
    }

    private static CrawlPoint crawl(CrawlPlan plan, PointSpec spec, int cores) throws InterruptedException {
        CrawlConfig config = CrawlConfig.builder(List.of(spec.url()))
                .maxDepth(MAX_DEPTH).maxPages(plan.sitePages())
                .concurrency(spec.concurrency()).perHostConcurrency(spec.concurrency()).hostDelay(Duration.ZERO)
                .mode(Mode.REACTIVE).fetcher(FetcherKind.NON_BLOCKING)
                .build();
        Crawler crawler = new Crawler(config);
        RecordMeter meter = new RecordMeter();
        long start = System.nanoTime();
        CrawlWindows windows = new CrawlWindows(start, plan.windowMs() * 1_000_000, spec, CpuTimes.read(plan.sitePid()),
                jitMillis());
        AtomicBoolean ended = new AtomicBoolean();
        boolean warmup = spec.phase().equals(PointSpec.WARMUP);
        Thread clock = Thread.ofPlatform().daemon().name("bench-crawl-clock")
                .start(() -> tick(plan, warmup, crawler, meter, windows, start, ended));
        CrawlResult result = crawler.run(meter, true, null);
        double wholeSeconds = (System.nanoTime() - start) / 1e9;
        ended.set(true);
        LockSupport.unpark(clock);
        clock.join();
        if (result.failure().isPresent()) {
            throw new IllegalStateException("the crawl at C = " + spec.concurrency() + " failed: " + result.failure().get());
        }
        return windows.point(spec, cores, meter.window(), wholeSeconds);
    }

    /**
     * Ends a window every {@code windowMs} until the end of the measured interval, or for the warm-up until the JIT
     * is quiet, then stops the crawl.
     */
    private static void tick(CrawlPlan plan, boolean warmup, Crawler crawler, RecordMeter meter, CrawlWindows windows,
                             long start, AtomicBoolean ended) {
        long window = plan.windowMs() * 1_000_000;
        for (long boundary = start + window; ; boundary += window) {
            long wait;
            while ((wait = boundary - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (ended.get()) {
                    return;  // the crawl ended by itself: the site ran out of pages
                }
            }
            RecordMeter.Window counts = meter.window();
            windows.add(System.nanoTime(), counts, CpuTimes.read(plan.sitePid()), jitMillis());
            boolean warm = warmup && counts.pages() >= plan.warmupPages() && windows.lastJitShare() < JIT_QUIET;
            if (boundary >= windows.stopAtNanos() || warm) {
                crawler.stop();
                return;
            }
        }
    }

    /** Time this JVM's JIT compilers have spent compiling, in milliseconds. */
    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
}
