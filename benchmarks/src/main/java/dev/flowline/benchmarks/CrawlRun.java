package dev.flowline.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the crawl benchmark: the site in a JVM of its own (one {@link dev.flowline.site.LocalSite} at L = 0 and one
 * at the sweep's latency), the crawler in another ({@link CrawlClient}), both started once, so the code the warm-up
 * crawl compiles is the code every point runs, on both sides. Every JVM it starts is destroyed when it is done,
 * failed or not.
 */
record CrawlRun(CrawlProfile profile, List<String> crawlerJvmOptions, Path logs, PrintStream progress) {
    private static final List<String> SITE_JVM = List.of("-Xmx1g", "--enable-native-access=ALL-UNNAMED");
    /** What {@code ./flowline crawl} runs with: the crawler is measured as users run it. */
    private static final List<String> CRAWLER_JVM = List.of("--enable-native-access=ALL-UNNAMED");
    /** Beyond the crawls' planned time: JVM start, drains, collections; past it the crawler JVM is taken for hung. */
    private static final long GRACE_SECONDS = 120;

    /** The crawls, in order: the warm-up first (phase {@link PointSpec#WARMUP}), then the measured points. */
    List<CrawlPoint> run() {
        String sweepLatency = profile.sweepLatency().toMillis() + "ms";
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("bench-watchdog").factory());
        try (ChildJvm site = ChildJvm.start("site", SITE_JVM, SiteServer.class, List.of("--pages=" + profile.sitePages(),
                "--links=" + CrawlProfile.LINKS, "--page-bytes=" + CrawlProfile.PAGE_BYTES, "0", sweepLatency),
                logs.resolve("site.log"))) {
            Map<String, String> urls = SiteServer.urlsOf(site, 2);
            CrawlPlan plan = new CrawlPlan(site.pid(), profile.sitePages(), profile.warmupPages(), profile.window().toMillis(),
                    crawls(urls.get("0"), urls.get(sweepLatency)));
            List<String> options = new ArrayList<>(CRAWLER_JVM);
            options.addAll(crawlerJvmOptions);
            try (ChildJvm crawler = ChildJvm.start("crawler", options, CrawlClient.class, List.of(json(plan)),
                    logs.resolve("crawler.log"))) {
                ScheduledFuture<?> hung = watchdog.schedule(crawler::close,
                        TimeUnit.MILLISECONDS.toSeconds(plan.plannedMillis()) + GRACE_SECONDS, TimeUnit.SECONDS);
                List<CrawlPoint> points = read(crawler);
                hung.cancel(false);
                int status = crawler.waitFor();
                if (status != 0 || points.size() != plan.crawls().size()) {
                    throw new IllegalStateException("the crawler JVM ended (status " + status + ") after " + points.size()
                            + " of " + plan.crawls().size() + " crawls: " + crawler.logTail());
                }
                return points;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the crawls ran", e);
        } finally {
            watchdog.shutdownNow();
        }
    }

    /** The warm-up crawl, the saturation crawl, then the sweep. */
    private List<PointSpec> crawls(String fastUrl, String sweepUrl) {
        List<PointSpec> crawls = new ArrayList<>();
        crawls.add(new PointSpec(PointSpec.WARMUP, fastUrl, 0, profile.saturationConcurrency(),
                profile.warmupAtMost().toMillis(), 0));
        crawls.add(new PointSpec("saturation", fastUrl, 0, profile.saturationConcurrency(),
                profile.saturationSettle().toMillis(), profile.saturationMeasure().toMillis()));
        for (int concurrency : profile.sweepConcurrency()) {
            crawls.add(new PointSpec("sweep", sweepUrl, profile.sweepLatency().toMillis(), concurrency,
                    profile.sweepSettle().toMillis(), profile.sweepMeasure().toMillis()));
        }
        return crawls;
    }

    private List<CrawlPoint> read(ChildJvm crawler) {
        ObjectMapper json = new ObjectMapper();
        List<CrawlPoint> points = new ArrayList<>();
        for (String line = crawler.readLine(); line != null; line = crawler.readLine()) {
            if (line.startsWith(CrawlClient.POINT_PREFIX)) {
                try {
                    CrawlPoint point = json.readValue(line.substring(CrawlClient.POINT_PREFIX.length()), CrawlPoint.class);
                    points.add(point);
                    progress.println(describe(point));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the crawler JVM and the coordinator disagree on a point: "
                            + e.getMessage(), e);
                }
            }
        }
        return points;
    }

    private static String json(CrawlPlan plan) {
        try {
            return new ObjectMapper().writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the crawl plan", e);
        }
    }

    static String describe(CrawlPoint point) {
        if (point.phase().equals(PointSpec.WARMUP)) {
            return String.format(Locale.ROOT, "  warm-up: %s pages in %.1f s, %s", Numbers.count(point.wholePages()),
                    point.wholeSeconds(), warmupEnd(point));
        }
        String ideal = point.fractionOfIdeal() == null ? "" : " (" + Numbers.percent(point.fractionOfIdeal()) + " of C/L)";
        return String.format(Locale.ROOT, "  %-10s L=%-4s C=%-5d %8s pages/s%s over %d %s windows; CPU %s of %d cores "
                        + "(crawler %s, site %s; machine %s), %s µs a page; fetch p50 %s ms, p99 %s ms",
                point.phase(), Numbers.decimal(point.latencyMs(), 0) + "ms", point.concurrency(),
                Numbers.decimal(point.pagesPerSecond(), 0), ideal, point.steady() ? point.steadyWindows() : point.measuredWindows(),
                point.steady() ? "steady" : "measured (none steady)", Numbers.decimal(point.cpuUse() * point.cores(), 2),
                point.cores(), Numbers.decimal(point.crawlerCores(), 2), Numbers.decimal(point.siteCores(), 2),
                Numbers.decimal(point.machineBusy() * point.cores(), 2),
                Numbers.decimal(point.crawlerCpuMicrosPerPage() + point.siteCpuMicrosPerPage(), 0),
                Numbers.decimal(point.fetchP50Ms(), 0), Numbers.decimal(point.fetchP99Ms(), 0));
    }

    /** How the warm-up ended: the JIT quiet, or at its time cap with the JIT still busy. */
    static String warmupEnd(CrawlPoint warmup) {
        CrawlWindow last = warmup.windows().getLast();
        double jit = last.jitSeconds() / last.seconds();
        return (jit < CrawlClient.JIT_QUIET ? "ended with the crawler's JIT quiet" : "ended at its time cap with the "
                + "crawler's JIT still busy: the first points may include warm-up") + " (compiling "
                + Numbers.percent(jit) + " of its last window)";
    }
}
