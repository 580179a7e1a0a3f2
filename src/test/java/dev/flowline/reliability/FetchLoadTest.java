package dev.flowline.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.ErrorPolicy;
import dev.flowline.Pipeline;
import dev.flowline.Run;
import dev.flowline.Stage;
import dev.flowline.http.FetchOptions;
import dev.flowline.http.FetchOutcome;
import dev.flowline.http.FetchResponse;
import dev.flowline.http.Fetcher;
import dev.flowline.report.RunReport;
import dev.flowline.site.Fault;
import dev.flowline.site.LocalSite;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;

/**
 * The CI load test: 100,000 distinct URLs through a Flowline pipeline with the non-blocking fetcher at concurrency
 * 4,000 against a local site that answers 5% of them with a fault (error statuses, resets, stalled bodies, gzip
 * bombs, redirect loops). Every URL comes out exactly once with a typed outcome, the faulted share is the injected
 * one, nothing escapes as an exception (a full pool is an outcome, not a crash), and the heap stays bounded. Counts,
 * never speed: the machine is shared.
 */
class FetchLoadTest {
    private static final int URLS = 100_000;
    private static final int CONCURRENCY = 4_000;
    private static final double FAULT_RATE = 0.05;
    /** Faults that never end in a 2xx, so the non-2xx share is exactly the injected share. */
    private static final Fault[] FAULTS = {Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.TOO_MANY_REQUESTS,
            Fault.RESET_MID_BODY, Fault.STALLED_BODY, Fault.GZIP_BOMB, Fault.REDIRECT_LOOP};
    private static final long HEAP_BOUND = 1536L * 1024 * 1024;

    @Test
    @Timeout(300) // generous: a loaded machine may be slow, but must finish
    void everyUrlComesOutOnceWithATypedOutcome() {
        FetchOptions options = FetchOptions.builder()
                .maxConnections(1_024).maxPendingAcquires(8_192)     // 4,000 in flight: ~3,000 wait for a connection
                .responseTimeout(Duration.ofSeconds(10)).maxBodyBytes(256 * 1024).build();
        try (LocalSite site = LocalSite.builder().pages(URLS).pageBytes(1024).seed(42)
                .faultRate(FAULT_RATE, FAULTS).faultDelay(Duration.ofSeconds(60)).start();
                Fetcher fetcher = Fetcher.nonBlocking(options)) {
            Run<FetchResponse> run = Pipeline.<String>named("load")
                    .then(Stage.async("fetch", fetcher::fetch).concurrency(CONCURRENCY).unordered()
                            .onError(ErrorPolicy.FAIL)) // any exception would fail the run: there must be none
                    .run(Flux.range(0, URLS).map(i -> site.url("/page/" + i)));

            Map<String, Integer> seen = new HashMap<>(URLS * 2);
            Map<FetchOutcome, Integer> outcomes = new EnumMap<>(FetchOutcome.class);
            int[] successes = {0};
            RunReport report = run.await(response -> {
                seen.merge(response.url(), 1, Integer::sum);
                outcomes.merge(response.outcome(), 1, Integer::sum);
                if (response.isSuccess()) {
                    successes[0]++;
                }
            });

            System.out.printf("load: %d URLs at concurrency %d in %s, outcomes %s, peak heap %d MiB, peak threads %d, "
                            + "site peak in flight %d%n", URLS, CONCURRENCY, report.elapsed(), outcomes,
                    report.peakHeapBytes() >> 20, report.peakThreads(), site.counters().peakInFlight());
            assertThat(report.state()).isEqualTo("COMPLETED");
            assertThat(report.conserved()).isTrue();
            assertThat(seen).hasSize(URLS).allSatisfy((url, times) -> assertThat(times).as(url).isEqualTo(1));
            assertThat(outcomes.keySet()).isSubsetOf(Set.of(FetchOutcome.OK, FetchOutcome.CONNECTION_RESET,
                    FetchOutcome.TIMEOUT, FetchOutcome.BODY_TOO_LARGE, FetchOutcome.REDIRECT_LOOP));
            double faulted = 1 - (double) successes[0] / URLS;
            assertThat(faulted).as("share of URLs without a 2xx").isBetween(FAULT_RATE * 0.9, FAULT_RATE * 1.1);
            assertThat(report.stages().get(0).peakInFlight()).isGreaterThan(CONCURRENCY / 2);
            assertThat(report.peakHeapBytes()).isLessThan(HEAP_BOUND);
        }
    }
}
