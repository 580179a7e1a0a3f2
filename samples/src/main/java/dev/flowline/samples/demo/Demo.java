package dev.flowline.samples.demo;

import dev.flowline.Mode;
import dev.flowline.Timeline;
import dev.flowline.samples.crawler.CrawlConfig;
import dev.flowline.samples.crawler.CrawlResult;
import dev.flowline.samples.crawler.Crawler;
import dev.flowline.samples.crawler.FetcherKind;
import dev.flowline.site.Latency;
import dev.flowline.site.LocalSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The main demo: a local site with latency, served in-process, crawled once per execution mode with each fetcher
 * that fits it: the blocking fetcher (a BLOCKING_IO stage) in every mode, the non-blocking one (ASYNC_IO) in
 * REACTIVE (in VIRTUAL it runs the same way: no hop; in THREADS and SERIAL it is awaited, like the blocking one).
 *
 * <pre>{@code
 * List<DemoRun> runs = new Demo(Demo.Settings.defaults()).run(run -> System.err.println(run.label()));
 * System.out.print(DemoTable.render(runs, settings));
 * }</pre>
 */
public final class Demo {

    /** The crawls, in the order shown: from one thread to none waiting. */
    static final List<DemoRunSpec> RUNS = List.of(
            new DemoRunSpec(Mode.SERIAL, FetcherKind.BLOCKING),
            new DemoRunSpec(Mode.THREADS, FetcherKind.BLOCKING),
            new DemoRunSpec(Mode.REACTIVE, FetcherKind.BLOCKING),
            new DemoRunSpec(Mode.VIRTUAL, FetcherKind.BLOCKING),
            new DemoRunSpec(Mode.REACTIVE, FetcherKind.NON_BLOCKING));

    /** A mode and a fetcher. */
    record DemoRunSpec(Mode mode, FetcherKind fetcher) {}

    /**
     * What the demo crawls and how hard.
     *
     * @param sitePages   pages on the local site
     * @param links       links per page
     * @param latency     the site's delay before each answer
     * @param maxPages    pages each crawl takes
     * @param serialPages pages the SERIAL crawl takes (one at a time, it would take {@code maxPages * latency})
     * @param concurrency fetches in flight (and THREADS mode's pool size)
     */
    public record Settings(int sitePages, int links, Duration latency, int maxPages, int serialPages, int concurrency) {
        public static Settings defaults() {
            return new Settings(2_000, 10, Duration.ofMillis(50), 400, 60, 100);
        }
    }

    private final Settings settings;
    private Path traces;

    public Demo(Settings settings) {
        this.settings = settings;
    }

    /**
     * Writes a Chrome trace (Perfetto) of each shown crawl under {@code directory}, as
     * {@code demo-<mode>-<fetcher>.json}: every 5th element of each stage.
     */
    public Demo tracesTo(Path directory) {
        this.traces = directory;
        return this;
    }

    /** Runs every crawl, one after the other (the process-wide figures need it), telling {@code onRun} after each. */
    public List<DemoRun> run(Consumer<DemoRun> onRun) {
        List<DemoRun> runs = new ArrayList<>();
        try (LocalSite site = LocalSite.builder().pages(settings.sitePages()).links(settings.links()).seed(1)
                .latency(Latency.fixed(settings.latency())).start()) {
            crawl(site, Mode.REACTIVE, FetcherKind.NON_BLOCKING, Math.min(50, settings.maxPages()), null); // JIT warm-up
            crawl(site, Mode.VIRTUAL, FetcherKind.BLOCKING, Math.min(50, settings.maxPages()), null);       // not shown
            for (DemoRunSpec spec : RUNS) {
                int pages = spec.mode() == Mode.SERIAL ? settings.serialPages() : settings.maxPages();
                System.gc(); // each run's peak heap starts from the same floor
                Timeline timeline = Timeline.sampling(5, 500_000);
                CrawlResult result = crawl(site, spec.mode(), spec.fetcher(), pages, traces == null ? null : timeline);
                if (traces != null) {
                    writeTrace(timeline, spec);
                }
                if (result.failure().isPresent()) {
                    throw new IllegalStateException(spec.mode() + " + " + spec.fetcher().label() + " crawl failed: "
                            + result.failure().get());
                }
                DemoRun run = new DemoRun(spec.mode(), spec.fetcher(), result.summary(), result.report());
                runs.add(run);
                onRun.accept(run);
            }
        }
        return runs;
    }

    private void writeTrace(Timeline timeline, DemoRunSpec spec) {
        Path file = traces.resolve("demo-" + spec.mode().name().toLowerCase(Locale.ROOT) + "-"
                + spec.fetcher().label() + ".json");
        try {
            Files.createDirectories(traces);
            timeline.writeChromeTrace(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace " + file, e);
        }
    }

    private CrawlResult crawl(LocalSite site, Mode mode, FetcherKind fetcher, int pages, Timeline timeline) {
        CrawlConfig config = CrawlConfig.builder(List.of(site.baseUrl()))
                .maxPages(pages)
                .maxDepth(100)
                .concurrency(settings.concurrency())
                .perHostConcurrency(settings.concurrency())
                .hostDelay(Duration.ZERO)   // our own loopback site: politeness would only measure itself
                .threads(settings.concurrency())
                .mode(mode)
                .fetcher(fetcher)
                .build();
        Crawler crawler = new Crawler(config).showLiveView();
        return (timeline == null ? crawler : crawler.recordTimeline(timeline)).run(Writer.nullWriter(), false, null);
    }
}
