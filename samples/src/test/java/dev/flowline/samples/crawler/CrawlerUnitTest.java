package dev.flowline.samples.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowline.http.FetchOutcome;
import dev.flowline.http.FetchResponse;
import dev.flowline.http.FetchTiming;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The crawler's pure parts: URL normalization and resolution, the seen set, robots.txt verdicts, retry decisions. */
class CrawlerUnitTest {

    @Test
    void normalizesCaseDefaultPortsDotSegmentsFragmentsAndEscapes() {
        assertThat(UrlNormalizer.normalize("HTTP://Example.COM:80/a/./b/../c%7e?q=%2f#top"))
                .isEqualTo("http://example.com/a/c~?q=%2F");
        assertThat(UrlNormalizer.normalize("https://example.com:443")).isEqualTo("https://example.com/");
        assertThat(UrlNormalizer.normalize("http://example.com:8080/x y/ü")).isEqualTo("http://example.com:8080/x%20y/%C3%BC");
        assertThat(UrlNormalizer.normalize("http://example.com/../../a/..")).isEqualTo("http://example.com/");
        assertThat(UrlNormalizer.normalize("http://example.com/100%")).isEqualTo("http://example.com/100%25");
        assertThat(UrlNormalizer.normalize("http://example.com/a?")).isEqualTo("http://example.com/a");
        assertThat(UrlNormalizer.normalize("http://[::1]:8080/")).isEqualTo("http://[::1]:8080/");
    }

    @Test
    void userInfoIsDroppedFromUrlsTakenFromSeedsAndHiddenInText() {
        assertThat(UrlNormalizer.normalize("http://u:p@Example.com:80/a")).isEqualTo("http://example.com/a");
        assertThat(UserInfo.of("http://a%40b:p%3Aw+@h:8080/x@y")).contains(new UserInfo("a@b", "p:w+"));
        assertThat(UserInfo.of("http://alice@h/")).contains(new UserInfo("alice", ""));
        assertThat(UserInfo.of("http://h/x@y")).isEmpty();
        assertThat(UserInfo.redacted("from http://u:p@h/x to 'https://h/y@z'")).isEqualTo("from http://***@h/x to 'https://h/y@z'");
        assertThat(new UserInfo("alice", "s3cret")).hasToString("***");
    }

    @Test
    void refusesWhatIsNotAnHttpUrlNamingIt() {
        assertThatThrownBy(() -> UrlNormalizer.normalize("ftp://example.com/")).hasMessageContaining("'ftp://example.com/' is ftp");
        assertThatThrownBy(() -> UrlNormalizer.normalize("not a url")).hasMessageContaining("'not a url'");
        assertThatThrownBy(() -> UrlNormalizer.normalize("http:///path")).hasMessageContaining("no host");
        assertThatThrownBy(() -> UrlNormalizer.normalize("http://example.com:99999/")).hasMessageContaining("bad port '99999'");
        assertThatThrownBy(() -> UrlNormalizer.normalize("http://exa mple.com/")).hasMessageContaining("bad host");
    }

    @Test
    void resolvesLinksAgainstTheBaseAsAbsUrlDidStraightIntoNormalForm() {
        LinkResolver page = LinkResolver.against("http://Example.com:80/a/b?q=1#top");
        assertThat(page.resolve("c?x=%7e#f")).isEqualTo("http://example.com/a/c?x=~");
        assertThat(page.resolve("../../../d")).isEqualTo("http://example.com/d");
        assertThat(page.resolve("/e/./f/../g")).isEqualTo("http://example.com/e/g");
        assertThat(page.resolve("")).isEqualTo("http://example.com/a/b?q=1");
        assertThat(page.resolve("#top")).isEqualTo("http://example.com/a/b?q=1");
        assertThat(page.resolve("?r")).isEqualTo("http://example.com/a/b?r");
        assertThat(page.resolve("//Other.example:8080/h")).isEqualTo("http://other.example:8080/h");
        assertThat(page.resolve(" \t/sp ace/\n ")).isEqualTo("http://example.com/sp%20ace/");
        assertThat(page.resolve("http:same-scheme")).as("non-strict, as java.net.URL").isEqualTo("http://example.com/a/same-scheme");
        assertThat(page.resolve("HTTPS://x.example/")).isEqualTo("https://x.example/");
        assertThat(page.resolve("http://user:secret@x.example/")).as("credentials dropped").isEqualTo("http://x.example/");
        assertThat(page.resolve("mailto:a@b.example")).isNull();
        assertThat(page.resolve("javascript:alert(1)")).isNull();
        assertThat(page.resolve("http://[bad/")).isNull();
        assertThat(page.resolve("/" + "y".repeat(3_000))).isNull();
        assertThat(LinkResolver.against("mailto:a@b.example").resolve("relative")).isNull();
        assertThat(LinkResolver.against("mailto:a@b.example").resolve("http://x.example")).isEqualTo("http://x.example/");
    }

    @Test
    void seenSetHasNoFalseNegativesAndGrows() {
        SeenSet seen = new SeenSet(16);
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add("http://example.com/page/" + i)).isTrue();
        }
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add("http://example.com/page/" + i)).isFalse();
        }
        assertThat(seen.size()).isEqualTo(200_000);
        assertThat(seen.contains("http://example.com/page/200000")).isFalse();
    }

    @Test
    void robotsFollowsRfc9309WhenTheFileCannotBeRead() {
        Robots robots = new Robots(null, "Flowline-crawler/1.0", Duration.ofSeconds(60), Duration.ofSeconds(30), () -> 1_000L);
        assertThat(robots.judge(response(404, "")).allows("http://h/any")).isTrue();
        RobotsVerdict unavailable = robots.judge(response(503, ""));
        assertThat(unavailable.allows("http://h/any")).isFalse();
        assertThat(unavailable.reason()).startsWith("ROBOTS_UNREACHABLE");
        assertThat(unavailable.expired(1_000L + Duration.ofSeconds(59).toNanos())).isFalse();
        assertThat(unavailable.expired(1_000L + Duration.ofSeconds(60).toNanos())).isTrue();
        assertThat(robots.judge(response(429, "")).allows("http://h/any")).isFalse();
        assertThat(robots.judge(failed(FetchOutcome.CONNECT_REFUSED)).allows("http://h/any")).isFalse();
        assertThat(robots.judge(failed(FetchOutcome.TOO_MANY_REDIRECTS)).allows("http://h/any")).isTrue();
    }

    @Test
    void robotsRulesAndCrawlDelayApplyToOurNameOnly() {
        String file = "User-agent: BadBot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nCrawl-delay: 2\n";
        RobotsVerdict ours = new Robots(null, "Flowline-crawler/1.0", Duration.ZERO, Duration.ofSeconds(30), () -> 0).judge(response(200, file));
        assertThat(ours.allows("http://h/page/1")).isTrue();
        assertThat(ours.allows("http://h/private/1")).isFalse();
        assertThat(ours.crawlDelayMillis()).isEqualTo(2_000);
        RobotsVerdict bad = new Robots(null, "BadBot/2.0 (+http://x)", Duration.ZERO, Duration.ofSeconds(1), () -> 0).judge(response(200, file));
        assertThat(bad.allows("http://h/page/1")).isFalse();
    }

    @Test
    void aTruncatedRobotsTxtDropsOnlyItsCutLastLine() {
        String file = "User-agent: *\nDisallow: /private/\nDisallow: /pa";
        Robots robots = new Robots(null, "Flowline-crawler/1.0", Duration.ZERO, Duration.ofSeconds(30), () -> 0);

        RobotsVerdict cut = robots.judge(truncated(response(200, file)));
        assertThat(cut.allows("http://h/private/1")).isFalse();
        assertThat(cut.allows("http://h/page/1")).as("'Disallow: /pa' is a cut line, not a rule").isTrue();
        assertThat(robots.judge(response(200, file)).allows("http://h/page/1")).as("whole, it is a rule").isFalse();
    }

    @Test
    void retriesServerErrorsWithBackoffHonoursRetryAfterAndNeverOther4xx() {
        RetryRule rule = new RetryRule(2, Duration.ofMillis(100), Duration.ofSeconds(5));
        assertThat(rule.waitBefore(response(500, ""), 1)).contains(Duration.ofMillis(100));
        assertThat(rule.waitBefore(response(502, ""), 2)).contains(Duration.ofMillis(200));
        assertThat(rule.waitBefore(response(500, ""), 3)).isEmpty();
        assertThat(rule.waitBefore(response(404, ""), 1)).isEmpty();
        assertThat(rule.waitBefore(response(403, ""), 1)).isEmpty();
        assertThat(rule.waitBefore(withRetryAfter(429, "3"), 1)).contains(Duration.ofSeconds(3));
        assertThat(rule.waitBefore(withRetryAfter(503, "60"), 1)).isEmpty();
        assertThat(rule.waitBefore(failed(FetchOutcome.TIMEOUT), 1)).contains(Duration.ofMillis(100));
        assertThat(rule.waitBefore(failed(FetchOutcome.CONNECTION_RESET), 2)).contains(Duration.ofMillis(200));
        assertThat(rule.waitBefore(failed(FetchOutcome.BODY_TOO_LARGE), 1)).isEmpty();
        assertThat(RetryRule.hostHold(withRetryAfter(503, "1"))).contains(Duration.ofSeconds(1));
    }

    static FetchResponse response(int status, String body) {
        return response(status, body, Map.of("Content-Type", List.of("text/plain")));
    }

    private static FetchResponse withRetryAfter(int status, String seconds) {
        return response(status, "", Map.of("Retry-After", List.of(seconds)));
    }

    private static FetchResponse response(int status, String body, Map<String, List<String>> headers) {
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new FetchResponse("http://h/robots.txt", "http://h/robots.txt", FetchOutcome.OK, status, sorted, bytes,
                false, bytes.length, List.of(), new FetchTiming(Optional.empty(), Optional.empty(), Duration.ZERO), "");
    }

    private static FetchResponse truncated(FetchResponse whole) {
        return new FetchResponse(whole.url(), whole.finalUrl(), whole.outcome(), whole.status(), whole.headers(), whole.body(),
                true, whole.bytes(), whole.redirects(), whole.timing(), whole.detail());
    }

    private static FetchResponse failed(FetchOutcome outcome) {
        return new FetchResponse("http://h/robots.txt", "http://h/robots.txt", outcome, 0, Map.of(), new byte[0], false, 0,
                List.of(), new FetchTiming(Optional.empty(), Optional.empty(), Duration.ZERO), "failed");
    }
}
