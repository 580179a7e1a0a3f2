package dev.flowline.samples.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowline.samples.crawler.CrawlConfig;
import dev.flowline.samples.crawler.CrawlResult;
import dev.flowline.samples.crawler.Crawler;
import dev.flowline.samples.crawler.FetcherKind;
import dev.flowline.site.Fault;
import dev.flowline.site.LocalSite;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The crawler against hostile input: redirects never take it out of its scope; links with unsupported schemes,
 * user-info, IDN hosts, dot segments, encoded slashes, reserved names or huge lengths are refused or stay inside the
 * saved-pages directory; a robots.txt over the body limit is read from its first 500 KiB; a spider trap ends at the
 * page cap; and a crawl-level load run with 5% faults writes exactly one record per URL it attempted.
 */
class CrawlerSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A crawl of loopback sites: no host delay, short timeouts, plenty of slots. */
    private static List<JsonNode> crawl(String seed, UnaryOperator<CrawlConfig.Builder> adjust) {
        StringWriter out = new StringWriter();
        crawl(seed, adjust, out);
        return out.toString().lines().filter(line -> !line.isBlank()).map(CrawlerSafetyTest::json).toList();
    }

    /** The same crawl, its JSONL written to {@code out}. */
    private static CrawlResult crawl(String seed, UnaryOperator<CrawlConfig.Builder> adjust, StringWriter out) {
        CrawlResult result = new Crawler(adjust.apply(CrawlConfig.builder(List.of(seed)).hostDelay(Duration.ZERO)
                .perHostConcurrency(64).concurrency(64).timeout(Duration.ofSeconds(5))
                .retryBackoff(Duration.ofMillis(10))).build()).run(out, true, null);
        assertThat(result.failure()).isEmpty();
        return result;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(line, e);
        }
    }

    private static List<String> urls(List<JsonNode> records) {
        return records.stream().map(record -> record.get("url").asText()).toList();
    }

    /** A hostile site on loopback: one page full of bad links, redirects out of scope, a robots.txt allowing all. */
    private static DisposableServer hostile(String outside) {
        String links = Stream.of("/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/a%2Fb%2F..%2F..%2Fc",
                        "/CON", "/nul.txt", "/" + "x".repeat(1_000), "/" + "y".repeat(3_000), "//" + "evil.invalid/",
                        "file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "data:text/html,hi",
                        "mailto:someone@example.invalid", "http://bücher.invalid/", "http://user:secret@127.0.0.1:1/",
                        "http://[bad/", "/redirect-out", "/redirect-in")
                .map(href -> "<a href=\"" + href + "\">x</a>").reduce("", String::concat);
        String page = "<!DOCTYPE html><html><head><title>hostile</title></head><body>" + links + "</body></html>";
        return HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/robots.txt", (request, response) -> response.header("Content-Type", "text/plain")
                                .sendString(Mono.just("User-agent: *\nAllow: /\n")))
                        .get("/redirect-out", (request, response) -> response.status(302).header("Location", outside).send())
                        .get("/redirect-in", (request, response) -> response.status(302).header("Location", "/landed").send())
                        .get("/**", (request, response) -> response.header("Content-Type", "text/html")
                                .sendString(Mono.just(page))))
                .bindNow(Duration.ofSeconds(10));
    }

    @Test
    void redirectsAndHostileLinksNeverLeaveTheScopeOrTheBodiesDirectory(@TempDir Path dir) throws IOException {
        Path bodies = dir.resolve("bodies");
        try (LocalSite outside = LocalSite.builder().pages(5).start()) {
            DisposableServer server = hostile(outside.url("/page/1"));
            try {
                String seed = "http://127.0.0.1:" + server.port() + "/";
                List<JsonNode> records = crawl(seed, b -> b.maxPages(100).maxBodyBytes(1024 * 1024).bodiesDir(bodies));

                assertThat(outside.counters().requests()).as("requests that left the scope").isZero();
                assertThat(urls(records)).doesNotHaveDuplicates()
                        .allSatisfy(url -> assertThat(url).startsWith(seed).doesNotContain("secret"))
                        .contains(seed + "redirect-out", seed + "redirect-in", seed + "etc/passwd");
                JsonNode redirectOut = records.stream().filter(r -> r.get("url").asText().endsWith("/redirect-out"))
                        .findFirst().orElseThrow();
                assertThat(redirectOut.get("status").asInt()).as("the refused redirect is recorded as it is").isEqualTo(302);
                assertThat(records).filteredOn(r -> r.get("url").asText().endsWith("/redirect-in")).singleElement()
                        .satisfies(r -> assertThat(r.get("final_url").asText()).isEqualTo(seed + "landed"));
                try (Stream<Path> files = Files.walk(dir)) {
                    assertThat(files.filter(Files::isRegularFile)).isNotEmpty()
                            .allSatisfy(file -> assertThat(file.normalize()).startsWith(bodies));
                }
                try (Stream<Path> files = Files.walk(bodies)) {
                    assertThat(files.filter(Files::isRegularFile))
                            .allSatisfy(file -> assertThat(file.getFileName().toString()).matches("[0-9a-f]{16}\\.[a-z]+"));
                }
            } finally {
                server.disposeNow();
            }
        }
    }

    @Test
    void checkedExternalLinksMayFollowTheirRedirectsButAreNeverCrawled() {
        try (LocalSite outside = LocalSite.builder().pages(5).start()) {
            DisposableServer server = hostile(outside.url("/page/1"));
            try {
                String seed = "http://127.0.0.1:" + server.port() + "/";
                List<JsonNode> records = crawl(seed, b -> b.maxPages(100).checkExternal(true));

                assertThat(outside.counters().requests("/page/1")).as("the external target, checked once").isEqualTo(1);
                assertThat(outside.counters().requestsUnder("/page/")).isEqualTo(1); // its links were not followed
                assertThat(urls(records)).contains(outside.url("/page/1"));
            } finally {
                server.disposeNow();
            }
        }
    }

    /**
     * A robots.txt of 3 MiB, over the crawl's 1 MiB body limit, is read from its first 500 KiB (RFC 9309), where its
     * rules are: the paths it disallows are never fetched, the rest of the site is crawled. With either fetcher.
     */
    @ParameterizedTest
    @EnumSource(FetcherKind.class)
    void aHugeRobotsTxtIsReadFromItsFirst500KiB(FetcherKind fetcher) {
        try (LocalSite site = LocalSite.builder().pages(30).links(4).robotsBytes(3 * 1024 * 1024).start()) {
            List<JsonNode> records = crawl(site.baseUrl(), b -> b.maxBodyBytes(1024 * 1024).fetcher(fetcher));

            assertThat(site.counters().requests("/robots.txt")).isEqualTo(1);
            assertThat(site.counters().requestsUnder("/private/")).as("disallowed at the top of robots.txt").isZero();
            assertThat(records).filteredOn(r -> r.get("url").asText().contains("/private/")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("outcome").asText()).isEqualTo("ROBOTS_DISALLOWED"));
            List<String> pages = IntStream.range(0, 30).mapToObj(n -> site.url("/page/" + n)).toList();
            assertThat(records).filteredOn(r -> r.get("outcome").asText().equals("OK")).extracting(r -> r.get("url").asText())
                    .containsAll(pages);
            assertThat(records).noneSatisfy(r -> assertThat(r.get("outcome").asText()).isEqualTo("ROBOTS_UNREACHABLE"));
        }
    }

    /**
     * A site behind HTTP Basic auth, every path (robots.txt included) 401 without the right credentials. Its home page
     * links to /a, to /c with the credentials in the link, and to /redirect, whose Location carries them too.
     */
    private static DisposableServer passwordProtected() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("user:s3cret".getBytes(StandardCharsets.UTF_8));
        return HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    if (!expected.equals(request.requestHeaders().get("Authorization"))) {
                        return response.status(401).header("WWW-Authenticate", "Basic realm=\"test\"").send();
                    }
                    String self = "127.0.0.1:" + request.hostAddress().getPort();
                    return switch (request.path()) {
                        case "robots.txt" -> response.sendString(Mono.just("User-agent: *\nAllow: /\n"));
                        case "redirect" -> response.status(302).header("Location", "http://user:s3cret@" + self + "/landed").send();
                        case "" -> response.header("Content-Type", "text/html").sendString(Mono.just(
                                "<html><body><a href=\"/a\">a</a><a href=\"http://user:s3cret@" + self + "/c\">c</a>"
                                        + "<a href=\"/redirect\">r</a></body></html>"));
                        default -> response.header("Content-Type", "text/html").sendString(Mono.just("<html><body>ok</body></html>"));
                    };
                })
                .bindNow(Duration.ofSeconds(10));
    }

    /**
     * Credentials in a seed are sent to its origin (every page answers 200, not 401), and appear nowhere: not in the
     * records (user-info dropped from URLs, *** in a redirect's target), the stats (text and JSON) or the run report.
     */
    @ParameterizedTest
    @EnumSource(FetcherKind.class)
    void credentialsInASeedAreSentToItsOriginAndNeverWritten(FetcherKind fetcher) {
        DisposableServer server = passwordProtected();
        try {
            String origin = "http://127.0.0.1:" + server.port();
            StringWriter out = new StringWriter();
            CrawlResult result = crawl("http://user:s3cret@127.0.0.1:" + server.port() + "/", b -> b.fetcher(fetcher), out);

            List<JsonNode> records = out.toString().lines().map(CrawlerSafetyTest::json).toList();
            assertThat(urls(records)).containsExactlyInAnyOrder(origin + "/", origin + "/a", origin + "/c", origin + "/redirect");
            assertThat(records).allSatisfy(record -> assertThat(record.get("status").asInt()).as(record.toString()).isEqualTo(200));
            assertThat(records).filteredOn(r -> r.get("url").asText().endsWith("/redirect")).singleElement()
                    .satisfies(r -> assertThat(r.get("final_url").asText()).isEqualTo("http://***@127.0.0.1:" + server.port() + "/landed"));
            assertThat(List.of(out.toString(), result.summary().toText(), result.summary().toJson(), result.report().toString()))
                    .allSatisfy(text -> assertThat(text).doesNotContain("s3cret").doesNotContain("user:"));
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void aBadSeedWithCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> CrawlConfig.builder(List.of("http://user:s3cret@127.0.0.1:99999/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad seed 'http://***@127.0.0.1:99999/': 'http://***@127.0.0.1:99999/' has a bad port '99999'");
        assertThatThrownBy(() -> CrawlConfig.builder(List.of("http://a:1@127.0.0.1:8080/", "http://b:2@127.0.0.1:8080/x")))
                .hasMessage("seeds give two different credentials for http://127.0.0.1:8080");
        assertThat(CrawlConfig.builder(List.of("http://alice:s3cret@127.0.0.1:8080/")).build().toString())
                .doesNotContain("s3cret").doesNotContain("alice").contains("seedCredentials={http://127.0.0.1:8080=***}");
    }

    @Test
    void aSpiderTrapEndsAtThePageCap() {
        try (LocalSite site = LocalSite.builder().pages(10).start()) {
            List<JsonNode> records = crawl(site.url("/trap/"), b -> b.maxPages(300).maxDepth(1_000).obeyRobots(false));

            assertThat(records).hasSize(300);
            assertThat(urls(records)).doesNotHaveDuplicates();
        }
    }

    /**
     * Crawl-level load: 10,000 pages at 2,000 fetches in flight, 5% of them faulty. Every URL attempted has exactly one
     * record with its outcome, and every page the site served (retries included) is among them: none lost, none twice.
     */
    @Test
    void aFaultyCrawlAtHighConcurrencyWritesExactlyOneRecordPerUrl() {
        int pages = 10_000;
        try (LocalSite site = LocalSite.builder().pages(pages).links(8).pageBytes(1024).seed(3)
                .faultRate(0.05, Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.RESET_MID_BODY, Fault.STALLED_BODY,
                        Fault.TRUNCATED_HTML, Fault.GZIP_BOMB, Fault.REDIRECT_LOOP)
                .faultDelay(Duration.ofSeconds(30)).start()) {
            List<JsonNode> records = crawl(site.baseUrl(), b -> b.maxPages(pages).concurrency(2_000)
                    .perHostConcurrency(2_000).timeout(Duration.ofSeconds(3)).retries(1).maxBodyBytes(256 * 1024));

            List<String> urls = urls(records);
            assertThat(urls).doesNotHaveDuplicates().hasSizeGreaterThan(pages / 2);
            assertThat(records).allSatisfy(record -> assertThat(record.get("outcome").asText()).isNotBlank());
            String origin = site.baseUrl().substring(0, site.baseUrl().length() - 1);
            List<String> served = site.counters().paths().keySet().stream()
                    .filter(target -> !target.equals("/robots.txt") && !target.startsWith("/redirect/"))
                    .map(target -> origin + target).toList();
            assertThat(urls).as("every page the site served has its record").containsAll(served);
            List<String> outcomes = records.stream().map(r -> r.get("outcome").asText()).toList();
            assertThat(outcomes).contains("OK", "CONNECTION_RESET", "TIMEOUT", "BODY_TOO_LARGE", "REDIRECT_LOOP")
                    .doesNotContain("CANCELLED");
            assertThat(site.counters().requests("/page/0")).isLessThanOrEqualTo(1);
        }
    }
}
