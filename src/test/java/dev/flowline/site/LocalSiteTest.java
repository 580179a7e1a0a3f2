package dev.flowline.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The site over real HTTP, with the JDK client so these tests do not depend on Flowline's fetchers. */
class LocalSiteTest {

    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(THREADS).build();

    @AfterAll
    static void closeClient() {
        HTTP.close();
        THREADS.close();
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void countsWhatItServesAndServesTheCountsWithoutCountingThem() {
        try (LocalSite site = LocalSite.builder().pages(10).start()) {
            get(site.url("/page/1"));
            get(site.url("/page/1?from=3"));
            get(site.url("/page/99"));

            String stats = get(site.url("/_flowline/stats")).body();
            get(site.url("/_flowline/stats"));

            SiteCounters counters = site.counters();
            assertThat(counters.requests()).isEqualTo(3);
            assertThat(counters.requests("/page/1")).isEqualTo(1);
            assertThat(counters.requestsUnder("/page/1")).isEqualTo(2);
            assertThat(counters.status(200)).isEqualTo(2);
            assertThat(counters.status(404)).isEqualTo(1);
            assertThat(counters.requestsFor("127.0.0.1:" + site.port())).isEqualTo(3);
            assertThat(stats).startsWith("{\"requests\":3,").contains("\"/page/1?from=3\":1").contains("\"404\":1");
            assertThat(stats).contains("\"peakInFlight\":1", "\"hosts\":{\"127.0.0.1:" + site.port() + "\":3}");
        }
    }

    @Test
    void servesSeveralHostsOnePortEachAndCountsThemApart() {
        try (LocalSite site = LocalSite.builder().pages(10).hosts(3).start()) {
            List<String> roots = site.baseUrls();
            get(roots.get(0) + "page/1");
            get(roots.get(2) + "page/1");
            get(roots.get(2) + "page/2");

            assertThat(roots).hasSize(3).doesNotHaveDuplicates();
            assertThat(site.counters().hosts()).containsOnlyKeys(authority(roots.get(0)), authority(roots.get(2)));
            assertThat(site.counters().requestsFor(authority(roots.get(2)))).isEqualTo(2);
            assertThat(site.counters().peakInFlight(authority(roots.get(2)))).isEqualTo(1);
            assertThat(get(roots.get(1) + "page/3").body()).contains(roots.get(1) + "page/").doesNotContain(roots.get(0) + "page/3");
        }
    }

    /** If latency blocked the event loop, one loop would serve these one at a time. */
    @Test
    void latencyWaitsOnTimersSoOneEventLoopServesManyRequestsAtOnce() throws Exception {
        int requests = 50;
        try (LocalSite site = LocalSite.builder().pages(10).eventLoops(1).latency(Latency.fixed(Duration.ofSeconds(2))).start()) {
            List<Future<HttpResponse<String>>> responses = IntStream.range(0, requests)
                    .mapToObj(i -> THREADS.submit(() -> get(site.url("/page/" + i % 10))))
                    .toList();
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
            assertThat(site.counters().peakInFlight()).isEqualTo(requests);
        }
    }

    @Test
    void robotsAndSitemapDescribeTheSite() {
        try (LocalSite site = LocalSite.builder().pages(5).crawlDelay(Duration.ofMillis(500)).start()) {
            String robots = get(site.url("/robots.txt")).body();
            String sitemap = get(site.url("/sitemap.xml")).body();

            assertThat(robots).contains("Disallow: /private/", "Disallow: /trap/", "Crawl-delay: 0.5",
                    "Sitemap: " + site.url("/sitemap.xml"));
            assertThat(sitemap).contains("<loc>" + site.url("/page/0") + "</loc>", "<loc>" + site.url("/page/4") + "</loc>")
                    .doesNotContain("/page/5<");
            assertThat(get(site.url("/private/1")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theSpiderTrapNeverEnds() {
        try (LocalSite site = LocalSite.builder().start()) {
            String path = "/trap/1";
            for (int depth = 0; depth < 20; depth++) {
                String page = get(site.url(path)).body();
                assertThat(page).contains("href=\"" + path + "/2\"", "href=\"" + path + "?page=1\"");
                path = path + "/2";
            }
            assertThat(site.counters().requestsUnder("/trap/")).isEqualTo(20);
        }
    }

    @Test
    void faultsByPrefixLetTheLongestPrefixWin() {
        try (LocalSite site = LocalSite.builder().fault("/page/", Fault.UNAVAILABLE).fault("/page/7", Fault.SERVER_ERROR).start()) {
            assertThat(get(site.url("/page/1")).statusCode()).isEqualTo(503);
            assertThat(get(site.url("/page/70")).statusCode()).isEqualTo(500);
            assertThat(get(site.url("/")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void faultsByRateHitTheSameUrlsEveryTimeForTheSameSeed() {
        List<Integer> first;
        try (LocalSite site = LocalSite.builder().pages(400).seed(9).faultRate(0.25, Fault.SERVER_ERROR, Fault.UNAVAILABLE).start()) {
            first = statuses(site);
            assertThat(statuses(site)).isEqualTo(first);
        }
        try (LocalSite again = LocalSite.builder().pages(400).seed(9).faultRate(0.25, Fault.SERVER_ERROR, Fault.UNAVAILABLE).start()) {
            assertThat(statuses(again)).isEqualTo(first);
        }
        long failed = first.stream().filter(status -> status != 200).count();
        assertThat(failed).isBetween(60L, 140L);
        assertThat(first).contains(500, 503);
    }

    @Test
    void aFlakyUrlFailsItsFirstRequestsThenWorks() {
        try (LocalSite site = LocalSite.builder().start()) {
            assertThat(IntStream.range(0, 4).map(i -> get(site.url("/flaky/2/a")).statusCode()).boxed().toList())
                    .containsExactly(503, 503, 200, 200);
            assertThat(get(site.url("/flaky/2/b")).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aClosedSiteFreesItsPort() {
        int port;
        try (LocalSite site = LocalSite.builder().start()) {
            port = site.port();
        }
        try (LocalSite again = LocalSite.builder().port(port).start()) {
            assertThat(get(again.url("/")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> LocalSite.builder().pages(0)).hasMessageContaining("pages").hasMessageContaining("was 0");
        assertThatThrownBy(() -> LocalSite.builder().port(70_000)).hasMessageContaining("was 70000");
        assertThatThrownBy(() -> LocalSite.builder().faultRate(1.5)).hasMessageContaining("was 1.5");
        assertThatThrownBy(() -> LocalSite.builder().fault("page", Fault.PDF)).hasMessageContaining("'page'");
        assertThatThrownBy(() -> Fault.named("teapot")).hasMessageContaining("'teapot'").hasMessageContaining("503");
    }

    @Test
    void aTakenPortIsAClearError() {
        try (LocalSite site = LocalSite.builder().start()) {
            assertThatThrownBy(() -> LocalSite.builder().port(site.port()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + site.port());
        }
    }

    private static List<Integer> statuses(LocalSite site) {
        return IntStream.range(0, site.pages()).map(n -> get(site.url("/page/" + n)).statusCode()).boxed().toList();
    }

    private static String authority(String root) {
        return URI.create(root).getAuthority();
    }
}
