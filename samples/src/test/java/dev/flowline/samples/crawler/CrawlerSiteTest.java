package dev.flowline.samples.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.Mode;
import dev.flowline.site.Fault;
import dev.flowline.site.LocalSite;
import dev.flowline.site.SiteCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Crawls of the local site, in-process on loopback: counts, no refetch, robots, politeness, retries, modes. */
class CrawlerSiteTest {
    private static final int LINKS = 4;
    private static LocalSite site;

    @BeforeAll
    static void startSite() {
        site = LocalSite.builder().pages(300).links(LINKS).seed(7).pageBytes(1_000).start();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void depthZeroIsTheSeedAloneAndDepthOneAddsTheHomePageLinks() {
        assertThat(Crawls.run(site.baseUrl(), b -> b.maxDepth(0)).urls()).containsExactly(site.baseUrl());
        // The home page links to pages 0..LINKS-1 and to the sitemap.
        Crawls.Outcome depthOne = Crawls.run(site.baseUrl(), b -> b.maxDepth(1));
        assertThat(depthOne.records()).hasSize(1 + LINKS + 1);
        assertThat(depthOne.records()).allMatch(record -> record.get("depth").asInt() <= 1);
        assertThat(depthOne.record(site.url("/page/0")).get("referrer").asText()).isEqualTo(site.baseUrl());
        assertThat(depthOne.result().summary().beyondDepth()).isPositive();
    }

    @Test
    void maxPagesIsExactAndNoUrlIsFetchedTwice() {
        try (LocalSite fresh = LocalSite.builder().pages(300).links(LINKS).seed(7).pageBytes(1_000).start()) {
            Crawls.Outcome outcome = Crawls.run(fresh.baseUrl(), b -> b.maxPages(120));
            assertThat(outcome.records()).hasSize(120);
            assertThat(new HashSet<>(outcome.urls())).hasSize(120);
            SiteCounters counters = fresh.counters();
            assertThat(counters.paths().values()).allMatch(count -> count == 1);
            long fetched = outcome.records().stream().filter(record -> record.get("status").asInt() != 0).count();
            assertThat(counters.requests()).isEqualTo(fetched + 1); // + robots.txt
            assertThat(outcome.result().summary().overMaxPages()).isPositive();
        }
    }

    @Test
    void everyModeAndFetcherCrawlsTheSameUrlsWithTheSameReferrers() {
        Set<String> expected = null;
        Map<String, String> expectedReferrers = null;
        for (Mode mode : Mode.values()) {
            for (FetcherKind fetcher : FetcherKind.values()) {
                Crawls.Outcome outcome = Crawls.run(site.baseUrl(), b -> b.maxDepth(4).maxPages(90).mode(mode)
                        .fetcher(fetcher).threads(16));
                Map<String, String> referrers = new java.util.HashMap<>();
                outcome.records().forEach(record -> referrers.put(record.get("url").asText(), record.get("referrer").asText()));
                assertThat(outcome.urls()).as(mode + " " + fetcher).hasSize(90); // the page cap cuts depth 4
                if (expected == null) {
                    expected = referrers.keySet();
                    expectedReferrers = referrers;
                } else {
                    assertThat(referrers.keySet()).as(mode + " " + fetcher).isEqualTo(expected);
                    assertThat(referrers).as(mode + " " + fetcher).isEqualTo(expectedReferrers);
                }
            }
        }
    }

    @Test
    void robotsTxtIsObeyedAndTheDisallowedUrlsAreRecordedNotFetched() {
        try (LocalSite fresh = LocalSite.builder().pages(120).links(LINKS).seed(3).pageBytes(1_000).start()) {
            Crawls.Outcome outcome = Crawls.run(fresh.baseUrl(), b -> b.maxPages(1_000));
            SiteCounters counters = fresh.counters();
            assertThat(counters.requestsUnder("/private/")).isZero();
            assertThat(counters.requestsUnder("/trap/")).isZero();
            assertThat(counters.requests("/robots.txt")).isEqualTo(1);
            List<JsonNode> disallowed = outcome.records().stream()
                    .filter(record -> record.get("outcome").asText().equals("ROBOTS_DISALLOWED")).toList();
            assertThat(disallowed).isNotEmpty().allMatch(record -> record.get("url").asText().contains("/private/")
                    || record.get("url").asText().contains("/trap/"));
        }
        try (LocalSite fresh = LocalSite.builder().pages(50).links(LINKS).start()) {
            Crawls.Outcome bad = Crawls.run(fresh.baseUrl(), b -> b.userAgent("BadBot/1.0"));
            assertThat(fresh.counters().paths()).containsOnlyKeys("/robots.txt");
            assertThat(bad.records()).singleElement().satisfies(record ->
                    assertThat(record.get("outcome").asText()).isEqualTo("ROBOTS_DISALLOWED"));
        }
    }

    @Test
    void anUnreachableRobotsTxtDisallowsTheHost() {
        try (LocalSite fresh = LocalSite.builder().pages(50).fault("/robots.txt", Fault.UNAVAILABLE).start()) {
            Crawls.Outcome outcome = Crawls.run(fresh.baseUrl(), b -> b.retries(0));
            assertThat(fresh.counters().paths()).containsOnlyKeys("/robots.txt");
            assertThat(outcome.records()).singleElement().satisfies(record -> {
                assertThat(record.get("outcome").asText()).isEqualTo("ROBOTS_UNREACHABLE");
                assertThat(record.get("error").asText()).contains("503");
            });
        }
    }

    /**
     * RFC 9309, 2.3.1.4: a robots.txt that does not answer makes the host unreachable, disallowed. The site holds
     * its answer for a minute; the crawl gives up after 200 ms, with either fetcher, and nothing but robots.txt is
     * ever asked for (robots.txt is fetched once: the fetch stage's retries are not for it).
     */
    @ParameterizedTest
    @EnumSource(FetcherKind.class)
    void aRobotsTxtThatTimesOutDisallowsTheHost(FetcherKind fetcher) {
        try (LocalSite fresh = LocalSite.builder().pages(50).fault("/robots.txt", Fault.SLOW_FIRST_BYTE)
                .faultDelay(Duration.ofMinutes(1)).start()) {
            Crawls.Outcome outcome = Crawls.run(fresh.baseUrl(), b -> b.fetcher(fetcher).timeout(Duration.ofMillis(200)));
            assertThat(fresh.counters().paths()).containsOnlyKeys("/robots.txt");
            assertThat(fresh.counters().requests("/robots.txt")).isEqualTo(1);
            assertThat(outcome.records()).singleElement().satisfies(record -> {
                assertThat(record.get("url").asText()).isEqualTo(fresh.baseUrl());
                assertThat(record.get("outcome").asText()).isEqualTo("ROBOTS_UNREACHABLE");
                assertThat(record.get("status").asInt()).isZero();
                assertThat(record.get("error").asText()).contains("TIMEOUT");
            });
            assertThat(outcome.result().summary().fetched()).isZero();
        }
    }

    @Test
    void thePerHostCapIsNeverExceededWhileBothHostsAreBusy() {
        // The site answers nothing until 6 requests are in flight: 3 per host is exactly the cap of both hosts.
        try (LocalSite twoHosts = LocalSite.builder().hosts(2).pages(200).links(LINKS).pageBytes(1_000)
                .holdUntilInFlight(6, Duration.ofSeconds(2)).start()) {
            List<String> seeds = twoHosts.baseUrls();
            Crawls.Outcome outcome = Crawls.run(Crawls.fast(seeds.toArray(String[]::new)).perHostConcurrency(3)
                    .concurrency(64).maxPages(150).build());
            assertThat(outcome.records()).hasSize(150);
            SiteCounters counters = twoHosts.counters();
            for (String base : seeds) {
                String host = base.substring("http://".length(), base.length() - 1);
                assertThat(counters.peakInFlight(host)).as(host).isEqualTo(3);
            }
        }
    }

    @Test
    void retriesAreExactlyAsConfigured() {
        try (LocalSite fresh = LocalSite.builder().pages(10).start()) {
            Crawls.Outcome outcome = Crawls.run(Crawls.fast(fresh.url("/flaky/5/a"), fresh.url("/flaky/1/b"),
                    fresh.url(Fault.SERVER_ERROR), fresh.url("/page/999999"), fresh.url(Fault.RESET_MID_BODY))
                    .retries(2).maxDepth(0).build());
            SiteCounters counters = fresh.counters();
            assertThat(counters.requests("/flaky/5/a")).isEqualTo(3);
            assertThat(outcome.record(fresh.url("/flaky/5/a")).get("status").asInt()).isEqualTo(503);
            assertThat(outcome.record(fresh.url("/flaky/5/a")).get("attempts").asInt()).isEqualTo(3);
            assertThat(counters.requests("/flaky/1/b")).isEqualTo(2);
            assertThat(outcome.record(fresh.url("/flaky/1/b")).get("status").asInt()).isEqualTo(200);
            assertThat(counters.requests(Fault.SERVER_ERROR.path())).isEqualTo(3);
            assertThat(counters.requests("/page/999999")).isEqualTo(1);
            assertThat(counters.requests(Fault.RESET_MID_BODY.path())).isEqualTo(3);
            assertThat(outcome.record(fresh.url(Fault.RESET_MID_BODY)).get("outcome").asText()).isEqualTo("CONNECTION_RESET");
            assertThat(outcome.result().summary().retries()).isEqualTo(2 + 1 + 2 + 2);
        }
    }

    @Test
    void bodiesAreSavedInsideTheirDirectoryOnly(@TempDir Path dir) throws Exception {
        Path bodies = dir.resolve("bodies");
        Crawls.Outcome outcome = Crawls.run(site.baseUrl(), b -> b.maxPages(20).bodiesDir(bodies));
        List<JsonNode> saved = outcome.records().stream().filter(record -> record.has("body_file")).toList();
        assertThat(saved).isNotEmpty();
        for (JsonNode record : saved) {
            Path file = bodies.resolve(record.get("body_file").asText()).normalize();
            assertThat(file).startsWith(bodies).exists();
            assertThat(Files.size(file)).isEqualTo(record.get("bytes").asLong());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).allMatch(file -> file.startsWith(bodies));
        }
    }
}
