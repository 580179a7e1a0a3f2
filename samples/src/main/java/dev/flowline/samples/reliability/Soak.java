package dev.flowline.samples.reliability;

import dev.flowline.Pipeline;
import dev.flowline.Stage;
import dev.flowline.http.FetchOptions;
import dev.flowline.http.FetchOutcome;
import dev.flowline.http.FetchResponse;
import dev.flowline.http.Fetcher;
import dev.flowline.report.RunReport;
import dev.flowline.site.Fault;
import dev.flowline.site.LocalSite;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;

/**
 * The soak run of docs/reliability.md: many fetches through a Flowline pipeline with the non-blocking fetcher against
 * a local site with 5% faults, printing a sample every so many fetches: live heap after {@code System.gc()}, live
 * threads and open file descriptors. Flat figures over the run mean no leak of memory, threads or connections.
 *
 * <pre>
 * java -cp samples/target/classes:$(cat cp.txt) dev.flowline.samples.reliability.Soak [fetches] [concurrency] [every]
 * </pre>
 * Defaults: 1,000,000 fetches at concurrency 1,000, a sample every 100,000.
 */
public final class Soak {
    private Soak() {}

    public static void main(String[] args) {
        long fetches = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long every = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        int pages = 100_000;
        AtomicLong done = new AtomicLong();
        Map<FetchOutcome, Long> outcomes = new EnumMap<>(FetchOutcome.class);
        long start = System.nanoTime();
        try (LocalSite site = LocalSite.builder().pages(pages).pageBytes(2048).seed(7).faultRate(0.05,
                        Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.RESET_MID_BODY, Fault.TRUNCATED_HTML, Fault.GZIP,
                        Fault.GZIP_BOMB, Fault.REDIRECT_LOOP).start();
                Fetcher fetcher = Fetcher.nonBlocking(FetchOptions.builder().maxConnections(concurrency)
                        .maxBodyBytes(256 * 1024).build())) {
            sample("start", 0, start);
            RunReport report = Pipeline.<String>named("soak")
                    .then(Stage.async("fetch", fetcher::fetch).concurrency(concurrency).unordered())
                    .run(Flux.range(0, Integer.MAX_VALUE).take(fetches).map(i -> site.url("/page/" + (i % pages))))
                    .await(response -> {
                        synchronized (outcomes) {
                            outcomes.merge(response.outcome(), 1L, Long::sum);
                        }
                        long n = done.incrementAndGet();
                        if (n % every == 0) {
                            sample("fetched", n, start);
                        }
                    });
            sample("end", done.get(), start);
            System.out.printf("soak: %d fetches, state %s, conserved %s, outcomes %s, peak heap %d MiB, peak threads %d%n",
                    done.get(), report.state(), report.conserved(), outcomes, report.peakHeapBytes() >> 20,
                    report.peakThreads());
        }
    }

    private static void sample(String what, long fetched, long start) {
        SoakSample.print("soak", what, fetched, start);
    }
}
