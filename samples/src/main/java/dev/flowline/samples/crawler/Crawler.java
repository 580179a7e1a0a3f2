package dev.flowline.samples.crawler;

import dev.flowline.Kind;
import dev.flowline.LiveView;
import dev.flowline.Pipeline;
import dev.flowline.Run;
import dev.flowline.Stage;
import dev.flowline.Timeline;
import dev.flowline.http.FetchOptions;
import dev.flowline.http.Fetcher;
import java.io.PrintStream;
import java.net.URI;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * A web crawler built as a Flowline pipeline: a {@link Frontier} source (politeness per host, robots.txt, a seen
 * set, depth and page caps) feeding {@code fetch} (ASYNC_IO with the non-blocking fetcher, BLOCKING_IO with the
 * blocking one), {@code parse} (CPU: jsoup) and {@code write} (BLOCKING_IO: one JSONL record per URL attempted),
 * which takes the pages in lists ({@code records}, a batch step). Links found by {@code parse} feed the frontier back. The same URLs are crawled in every mode, with either fetcher.
 *
 * <pre>{@code
 * Crawler crawler = new Crawler(CrawlConfig.builder(List.of("http://127.0.0.1:8080/")).maxPages(500).build());
 * try (Writer out = Files.newBufferedWriter(Path.of("crawl.jsonl"))) {
 *     CrawlResult result = crawler.run(out, false, null);
 *     System.out.print(result.summary().toText());
 * }
 * }</pre>
 *
 * <p>{@link #stop()} (from a shutdown hook on Ctrl-C, say) stops handing out URLs, lets the fetches in flight finish
 * for up to the drain timeout, then cancels the rest; every URL handed out gets its record either way.
 */
public final class Crawler {
    /** The write stage's concurrency: records are written under one lock; bodies, when saved, in parallel. */
    private static final int WRITERS = 4;
    /**
     * Pages go to the write stage in lists of up to this many, or of what {@link #RECORDS_WAIT} gathered: one hop to
     * a blocking thread (a wake-up, and a park when it is done) per list rather than per page.
     */
    private static final int RECORDS_BATCH = 64;
    /** The longest a page waits for its list: what a record, and the links it brings the frontier, are delayed. */
    private static final Duration RECORDS_WAIT = Duration.ofMillis(10);

    private final CrawlConfig config;
    private final BiConsumer<String, List<String>> linkListener;
    private final RecordObserver observer;
    private final Stopper stopper = new Stopper();
    private volatile Frontier frontier;
    private volatile long stopRequestedAt;
    private Timeline timeline;
    private boolean liveView;

    public Crawler(CrawlConfig config) {
        this(config, null, null);
    }

    /**
     * @param linkListener told each parsed page's URL and its links (normalized, in scope or not), or null
     * @param observer     told each record as it is written, or null
     */
    Crawler(CrawlConfig config, BiConsumer<String, List<String>> linkListener, RecordObserver observer) {
        this.config = config;
        this.linkListener = linkListener;
        this.observer = observer;
    }

    /** Records a sample of every stage's work in {@code timeline} (a Chrome trace) during {@link #run}. */
    public Crawler recordTimeline(Timeline timeline) {
        this.timeline = timeline;
        return this;
    }

    /** Shows the pipeline's live per-stage view during {@link #run}, when the console is a terminal. */
    public Crawler showLiveView() {
        this.liveView = true;
        return this;
    }

    /**
     * Crawls to the end, or until {@link #stop()}, writing one JSONL record per URL attempted to {@code records}.
     *
     * @param closeRecords whether to close {@code records} at the end (else it is flushed)
     * @param progress     where to show the live progress line, or null for none
     */
    public CrawlResult run(Writer records, boolean closeRecords, PrintStream progress) {
        CrawlStats stats = new CrawlStats();
        Scope scope = new Scope(config.seeds(), config.allow(), config.deny());
        FetchOptions.Builder options = FetchOptions.builder()
                .connectTimeout(config.timeout())
                .responseTimeout(config.timeout())
                .maxBodyBytes(config.maxBodyBytes())
                .maxConnections(config.perHostConcurrency())
                .maxPendingAcquires(Math.max(1_024, config.concurrency()))
                .userAgent(config.userAgent())
                // Never leave the scope through a redirect; the parse stage offers a refused Location as a link.
                // External links (checked, never crawled) may follow theirs.
                .redirectsWhere((first, target) -> !scope.contains(first.toString()) || inScope(scope, target));
        config.seedCredentials().forEach((origin, credentials) -> options.basicAuth(origin, credentials.user(), credentials.password()));
        BodyStore bodies = config.bodiesDir() == null ? null : new BodyStore(config.bodiesDir());
        try (Fetcher fetcher = config.fetcher() == FetcherKind.NON_BLOCKING ? Fetcher.nonBlocking(options.build()) : Fetcher.blocking(options.build());
             RecordWriter writer = new RecordWriter(records, closeRecords, bodies, stats, observer)) {
            Robots robots = config.obeyRobots()
                    ? new Robots(fetcher, config.userAgent(), config.robotsUnreachableFor(), config.maxCrawlDelay(), System::nanoTime)
                    : null;
            Frontier crawlFrontier = new Frontier(config, robots, Schedulers.parallel(), System::nanoTime);
            frontier = crawlFrontier;
            if (stopper.stopped()) {
                crawlFrontier.stop();
            }
            Run<List<Page>> run = pipeline(fetcher, scope, crawlFrontier, writer, stats).run(crawlFrontier.source());
            CountDownLatch ended = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Disposable subscription = run.output().subscribe(pages -> { }, error -> {
                failure.set(error);
                ended.countDown();
            }, ended::countDown);
            try (Progress ignored = progress == null ? null : new Progress(progress, stats, crawlFrontier::snapshot);
                 LiveView view = liveView ? LiveView.show(run) : null) {
                awaitEnd(ended, subscription);
            }
            writer.cancelRestAndClose(crawlFrontier.inFlightTasks());
            CrawlSummary summary = stats.summary(crawlFrontier.snapshot(), stopRequestedAt != 0);
            return new CrawlResult(summary, run.report(), Optional.ofNullable(failure.get()).map(Crawler::describe));
        }
    }

    /** Asks the crawl to stop: no new URL is handed out, waits before retries end, fetches in flight may finish. */
    public void stop() {
        if (stopRequestedAt == 0) {
            stopRequestedAt = System.nanoTime();
        }
        stopper.stop();
        Frontier current = frontier;
        if (current != null) {
            current.stop();
        }
    }

    private Pipeline<CrawlTask, List<Page>> pipeline(Fetcher fetcher, Scope scope, Frontier crawlFrontier, RecordWriter writer,
                                               CrawlStats stats) {
        FetchAttempts attempts = new FetchAttempts(fetcher, new RetryRule(config.retries(), config.retryBackoff(),
                config.maxRetryWait()), crawlFrontier, stopper, stats);
        PageParser parser = new PageParser(scope,
                config.checkExternal(), stats, linkListener);
        Stage<CrawlTask, Fetched> fetch = fetcher.kind() == Kind.ASYNC_IO
                ? Stage.<CrawlTask, Fetched>async("fetch", attempts::async)
                : Stage.<CrawlTask, Fetched>blocking("fetch", attempts::blocking);
        Pipeline<CrawlTask, List<Page>> crawl = Pipeline.<CrawlTask>named("crawl")
                .then(fetch.concurrency(config.concurrency()).unordered())
                .then(Stage.<Fetched, Page>cpu("parse", parser::parse).unordered())
                .batch("records", RECORDS_BATCH, RECORDS_WAIT)
                .then(Stage.<List<Page>, List<Page>>blocking("write", pages -> {
                    try {
                        pages.forEach(writer::write);
                        return pages;
                    } finally {
                        crawlFrontier.complete(pages);
                    }
                }).concurrency(WRITERS).unordered())
                .mode(config.mode())
                .threads(config.threads());
        return timeline == null ? crawl : crawl.recordTimeline(timeline);
    }

    /** Waits for the run to end; once a stop is asked, at most the drain timeout, then cancels what is in flight. */
    private void awaitEnd(CountDownLatch ended, Disposable subscription) {
        try {
            while (!ended.await(20, TimeUnit.MILLISECONDS)) {
                long asked = stopRequestedAt;
                if (asked != 0 && System.nanoTime() - asked > config.drainTimeout().toNanos()) {
                    subscription.dispose();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            subscription.dispose();
        }
    }

    private static boolean inScope(Scope scope, URI target) {
        try {
            return scope.contains(UrlNormalizer.normalize(target.toString()));
        } catch (IllegalArgumentException notHttp) {
            return false;
        }
    }

    private static String describe(Throwable error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }
}
