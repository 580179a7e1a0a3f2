package dev.flowline.samples.reliability;

import dev.flowline.samples.crawler.CrawlConfig;
import dev.flowline.samples.crawler.CrawlResult;
import dev.flowline.samples.crawler.CrawlSummary;
import dev.flowline.samples.crawler.Crawler;
import dev.flowline.site.Fault;
import dev.flowline.site.LocalSite;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The crawler-level soak of docs/reliability.md: crawl after crawl of one local site (5% faults) through the real
 * non-blocking crawler (no 503 nor 429 among the faults: their Retry-After holds the whole host, by design, which
 * would make a soak of one host mostly wait), in one JVM, until the fetches add up, printing after each crawl the live heap after GC,
 * live threads and open file descriptors. A crawl's own memory (its seen set and frontier) grows with its URLs by
 * design and is let go at its end; what must stay flat from crawl to crawl is everything else.
 *
 * <pre>
 * java -cp samples/target/classes:$(cat cp.txt) dev.flowline.samples.reliability.CrawlSoak [fetches] [pages] [concurrency]
 * </pre>
 * Defaults: 1,000,000 fetches, crawls of 100,000 pages, 1,000 in flight.
 */
public final class CrawlSoak {
    private CrawlSoak() {}

    public static void main(String[] args) {
        long fetches = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        long start = System.nanoTime();
        long fetched = 0;
        long records = 0;
        Map<String, Long> outcomes = new TreeMap<>();
        try (LocalSite site = LocalSite.builder().pages(pages + pages / 5).links(20).pageBytes(2048).seed(7)
                .faultRate(0.05, Fault.SERVER_ERROR, Fault.RESET_MID_BODY, Fault.TRUNCATED_HTML, Fault.GZIP,
                        Fault.GZIP_BOMB, Fault.REDIRECT_LOOP).start()) {
            CrawlConfig config = CrawlConfig.builder(List.of(site.baseUrl())).maxPages(pages).maxDepth(1_000)
                    .concurrency(concurrency).perHostConcurrency(concurrency).hostDelay(Duration.ZERO)
                    .retries(1).retryBackoff(Duration.ofMillis(10)).timeout(Duration.ofSeconds(5))
                    .maxBodyBytes(256 * 1024).build();
            SoakSample.print("crawl soak", "start", 0, start);
            for (int crawl = 1; fetched < fetches; crawl++) {
                CrawlResult result = new Crawler(config).run(Writer.nullWriter(), true, null);
                CrawlSummary summary = result.summary();
                if (result.failure().isPresent()) {
                    throw new IllegalStateException("crawl " + crawl + " failed: " + result.failure().get());
                }
                fetched += summary.fetched();
                records += summary.records();
                summary.byOutcome().forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
                SoakSample.print("crawl soak", "crawl " + crawl, fetched, start);
            }
            System.out.printf("crawl soak: %,d fetches, %,d records, %,d requests served by the site, outcomes %s%n",
                    fetched, records, site.counters().requests(), outcomes);
        }
    }
}
