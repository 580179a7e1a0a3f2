package dev.flowline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowline.Flowline;
import dev.flowline.site.Fault;
import dev.flowline.site.LocalSite;
import dev.flowline.site.SiteCounters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.util.retry.Retry;

/** Every fault of the local site, against both fetchers: the outcome each reports, and what the site counted. */
class FetcherFaultsTest {

    private static final int LIMIT = 1024 * 1024;

    private final LocalSite site = LocalSite.builder().pages(50).links(5).seed(7)
            .faultDelay(Duration.ofSeconds(20)).oversizedBytes(4L * LIMIT).start();
    private Fetcher fetcher;

    private FetchResponse get(Client client, String path) {
        return get(client, FetchOptions.builder().maxRedirects(5), path);
    }

    private FetchResponse get(Client client, FetchOptions.Builder options, String path) {
        fetcher = client.open(options.responseTimeout(Duration.ofMillis(500)).maxBodyBytes(LIMIT).build());
        return fetcher.fetch(path.startsWith("/") ? site.url(path) : path).block();
    }

    @AfterEach
    void close() {
        if (fetcher != null) {
            fetcher.close();
        }
        site.close();
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void fetchesAPageAndTheSiteCountsExactlyThatRequest(Client client) {
        FetchResponse page = get(client, "/page/3");

        assertThat(page.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(page.isSuccess()).isTrue();
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(page.text()).contains("<title>Page 3: ").contains("href=\"/page/4\"");
        assertThat(page.bytes()).isEqualTo(page.body().length).isEqualTo(Long.parseLong(page.header("content-length").orElseThrow()));
        assertThat(page.finalUrl()).isEqualTo(site.url("/page/3"));
        assertThat(page.redirects()).isEmpty();
        assertThat(page.timing().firstByte()).isPresent();
        assertThat(page.timing().total()).isGreaterThanOrEqualTo(page.timing().firstByte().orElseThrow());
        assertThat(page.timing().connect().isPresent()).isEqualTo(client == Client.NON_BLOCKING);
        SiteCounters counters = site.counters();
        assertThat(counters.requests()).isEqualTo(1);
        assertThat(counters.requests("/page/3")).isEqualTo(1);
        assertThat(counters.status(200)).isEqualTo(1);
        assertThat(counters.userAgents()).containsOnlyKeys("Flowline/" + Flowline.version());
        assertThat(counters.requestsFor("127.0.0.1:" + site.port())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void errorStatusesAreCompletedExchangesThatSayWhetherToRetry(Client client) {
        FetchResponse serverError = get(client, Fault.SERVER_ERROR.path());
        FetchResponse unavailable = fetcher.get(site.url(Fault.UNAVAILABLE));
        FetchResponse tooMany = fetcher.get(site.url(Fault.TOO_MANY_REQUESTS));
        FetchResponse missing = fetcher.get(site.url("/page/50"));

        assertThat(serverError.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(serverError.status()).isEqualTo(500);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.retryable()).isFalse();
        assertThat(serverError.retryable()).isTrue();
        assertThatThrownBy(tooMany::orThrow).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.outcome()).isEqualTo(FetchOutcome.OK);
            assertThat(e).hasMessageContaining("429");
        });
        SiteCounters counters = site.counters();
        assertThat(counters.statuses()).containsOnly(
                java.util.Map.entry(500, 1L), java.util.Map.entry(503, 1L), java.util.Map.entry(429, 1L), java.util.Map.entry(404, 1L));
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void followsARedirectChainOfAbsoluteAndRelativeLocations(Client client) {
        FetchResponse page = get(client, Fault.REDIRECT_CHAIN.path());

        assertThat(page.isSuccess()).isTrue();
        assertThat(page.redirects()).containsExactly(site.url(Fault.REDIRECT_CHAIN.path()), site.url("/redirect/chain/3"),
                site.url("/redirect/chain/2"), site.url("/redirect/chain/1"));
        assertThat(page.finalUrl()).isEqualTo(site.url("/redirect/chain/0"));
        SiteCounters counters = site.counters();
        assertThat(counters.requests()).isEqualTo(5);
        assertThat(counters.status(302)).isEqualTo(page.redirects().size());
        assertThat(counters.requestsUnder("/redirect/chain/")).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void detectsARedirectLoopWithoutGoingRound(Client client) {
        FetchResponse loop = get(client, Fault.REDIRECT_LOOP.path());

        assertThat(loop.outcome()).isEqualTo(FetchOutcome.REDIRECT_LOOP);
        assertThat(loop.retryable()).isFalse();
        assertThat(loop.status()).isEqualTo(302);
        assertThat(loop.detail()).contains("/redirect/loop/0");
        assertThat(site.counters().paths()).containsOnlyKeys(Fault.REDIRECT_LOOP.path(), "/redirect/loop/0", "/redirect/loop/1");
        assertThat(site.counters().requests()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void stopsAfterTheMaximumNumberOfRedirects(Client client) {
        FetchResponse chain = get(client, FetchOptions.builder().maxRedirects(2), "/redirect/chain/9");

        assertThat(chain.outcome()).isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
        assertThat(chain.redirects()).hasSize(2);
        assertThat(site.counters().requests()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void returnsRedirectsUnfollowedWhenAsked(Client client) {
        FetchResponse redirect = get(client, FetchOptions.builder().followRedirects(false), "/redirect/chain/2");

        assertThat(redirect.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).contains("1");
        assertThat(site.counters().requests()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void reportsUnusableRedirectsAsTypedOutcomes(Client client) {
        FetchResponse invalid = get(client, Fault.INVALID_REDIRECT.path());
        FetchResponse noLocation = fetcher.get(site.url(Fault.REDIRECT_WITHOUT_LOCATION));
        FetchResponse ftp = fetcher.get(site.url(Fault.REDIRECT_TO_FTP));

        assertThat(invalid.outcome()).isEqualTo(FetchOutcome.BAD_RESPONSE);
        assertThat(invalid.detail()).contains("http://[bad");
        assertThat(noLocation.outcome()).isEqualTo(FetchOutcome.BAD_RESPONSE);
        assertThat(ftp.outcome()).isEqualTo(FetchOutcome.UNSUPPORTED_SCHEME);
        assertThat(ftp.detail()).contains("ftp://127.0.0.1/file.txt");
        assertThat(site.counters().requests()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void timesOutWhenTheFirstByteIsSlow(Client client) {
        FetchResponse slow = get(client, Fault.SLOW_FIRST_BYTE.path());

        assertThat(slow.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(slow.retryable()).isTrue();
        assertThat(slow.status()).isZero();
        assertThat(site.counters().requests()).isEqualTo(1);
        assertThat(site.counters().statuses()).isEmpty(); // the site never got to answer
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void timesOutWhenTheBodyStalls(Client client) {
        FetchResponse stalled = get(client, Fault.STALLED_BODY.path());

        assertThat(stalled.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(stalled.status()).isEqualTo(200);
        assertThat(stalled.body()).isEmpty();
        assertThat(site.counters().status(200)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void reportsAResetMidBody(Client client) {
        FetchResponse reset = get(client, Fault.RESET_MID_BODY.path());

        assertThat(reset.outcome()).isEqualTo(FetchOutcome.CONNECTION_RESET);
        assertThat(reset.retryable()).isTrue();
        assertThat(site.counters().requests()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void deliversBrokenAndNonHtmlContentAsItIs(Client client) {
        FetchResponse truncated = get(client, Fault.TRUNCATED_HTML.path());
        FetchResponse broken = fetcher.get(site.url(Fault.BROKEN_HTML));
        FetchResponse binary = fetcher.get(site.url(Fault.BINARY));
        FetchResponse pdf = fetcher.get(site.url(Fault.PDF));
        FetchResponse wrongType = fetcher.get(site.url(Fault.WRONG_CONTENT_TYPE));

        assertThat(truncated.isSuccess()).isTrue();
        assertThat(truncated.text()).startsWith("<!DOCTYPE html>").doesNotContain("</html>");
        assertThat(broken.text()).contains("<div><span>misnested</div></span>");
        assertThat(binary.contentType()).isEqualTo("application/octet-stream");
        assertThat(binary.body()).hasSize(4096);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.4");
        assertThat(wrongType.contentType()).isEqualTo("text/html");
        assertThat(wrongType.body()).isEqualTo(fetcher.get(site.url(Fault.WRONG_CONTENT_TYPE)).body()); // seeded
        assertThat(site.counters().status(200)).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void decodesGzipAndDeflate(Client client) {
        FetchResponse gzip = get(client, Fault.GZIP.path());
        FetchResponse deflate = fetcher.get(site.url(Fault.DEFLATE));
        FetchResponse plain = fetcher.get(site.url("/"));

        assertThat(gzip.header("Content-Encoding")).contains("gzip");
        assertThat(gzip.text()).isEqualTo(plain.text());
        assertThat(gzip.bytes()).isLessThan(gzip.body().length);
        assertThat(deflate.header("Content-Encoding")).contains("deflate");
        assertThat(deflate.text()).isEqualTo(plain.text());
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void stopsAtTheBodyLimitWhateverTheBodyLooksLike(Client client) {
        FetchResponse bomb = get(client, Fault.GZIP_BOMB.path());
        FetchResponse declared = fetcher.get(site.url(Fault.OVERSIZED));
        FetchResponse chunked = fetcher.get(site.url(Fault.OVERSIZED_CHUNKED));

        assertThat(bomb.outcome()).isEqualTo(FetchOutcome.BODY_TOO_LARGE);
        assertThat(bomb.detail()).contains("decodes");
        assertThat(bomb.bytes()).isLessThan(LIMIT);
        assertThat(declared.outcome()).isEqualTo(FetchOutcome.BODY_TOO_LARGE);
        assertThat(declared.bytes()).isZero();
        assertThat(declared.detail()).contains("Content-Length " + 4L * LIMIT);
        assertThat(chunked.outcome()).isEqualTo(FetchOutcome.BODY_TOO_LARGE);
        assertThat(chunked.bytes()).isGreaterThan(LIMIT).isLessThan(4L * LIMIT);
        assertThat(site.counters().requests()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void retriesAFlakyUrlThroughThePipelineAndTheSiteCountsEveryAttempt(Client client) {
        fetcher = client.open(FetchOptions.defaults());
        String url = site.url("/flaky/2/item");

        FetchResponse page = fetcher.fetch(url)
                .map(FetchResponse::orThrow)
                .retryWhen(Retry.max(3).filter(e -> e instanceof FetchException f && f.retryable()))
                .block();

        assertThat(page.isSuccess()).isTrue();
        assertThat(site.counters().requests("/flaky/2/item")).isEqualTo(3);
        assertThat(site.counters().status(503)).isEqualTo(2);
        assertThat(site.counters().status(200)).isEqualTo(1);
    }
}
