package dev.flowline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.site.Latency;
import dev.flowline.site.LocalSite;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** How many requests each fetcher really keeps in flight, as the site saw them (counts, never durations). */
class FetcherConcurrencyTest {

    /**
     * 2,000 concurrent requests against a site that answers after 1 s, and holds every answer until 2,000 requests
     * are in flight (or 30 s passed): the count the site saw does not depend on how fast a busy machine opens
     * connections.
     */
    @Test
    void theNonBlockingFetcherKeepsTwoThousandRequestsInFlightOnTwoThreads() {
        int requests = 2_000;
        try (LocalSite site = LocalSite.builder().pages(100).eventLoops(2)
                        .latency(Latency.fixed(Duration.ofSeconds(1))).holdUntilInFlight(requests, Duration.ofSeconds(30)).start();
                Fetcher fetcher = Fetcher.nonBlocking(FetchOptions.builder().maxConnections(requests).eventLoops(2).build())) {
            List<FetchResponse> responses = Flux.range(0, requests)
                    .flatMap(i -> fetcher.fetch(site.url("/page/" + i % 100)), requests)
                    .collectList()
                    .block(Duration.ofSeconds(60));

            assertThat(responses).hasSize(requests).allSatisfy(response -> assertThat(response.isSuccess()).as(response.toString()).isTrue());
            assertThat(site.counters().requests()).isEqualTo(requests);
            assertThat(site.counters().peakInFlight()).isEqualTo(requests);
            assertThat(threadsNamed("flowline-fetch")).hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void theBlockingFetcherRunsOneRequestPerVirtualThreadAndStartsNoPlatformWorkers() throws Exception {
        int requests = 200;
        Set<String> before = threadsNamed("");
        try (LocalSite site = LocalSite.builder().pages(10).latency(Latency.fixed(Duration.ofMillis(300)))
                        .holdUntilInFlight(requests, Duration.ofSeconds(30)).start();
                Fetcher fetcher = Fetcher.blocking(FetchOptions.defaults());
                ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchResponse>> futures = IntStream.range(0, requests)
                    .mapToObj(i -> virtualThreads.submit(() -> fetcher.get(site.url("/page/" + i % 10))))
                    .toList();
            for (Future<FetchResponse> future : futures) {
                assertThat(future.get().isSuccess()).isTrue();
            }

            assertThat(site.counters().requests()).isEqualTo(requests);
            assertThat(site.counters().peakInFlight()).isEqualTo(requests);
            Set<String> started = threadsNamed("");
            started.removeAll(before);
            assertThat(started).noneMatch(name -> name.matches("HttpClient-\\d+-Worker-\\d+"));
        }
    }

    /** The live platform threads whose name starts with {@code prefix} (virtual threads are not listed). */
    private static Set<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toSet());
    }
}
