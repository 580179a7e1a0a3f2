package dev.flowline.samples.crawler;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.flowline.Kind;
import dev.flowline.http.FetchOutcome;
import dev.flowline.http.FetchResponse;
import dev.flowline.http.Fetcher;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Loads and judges robots.txt, with crawler-commons' parser, following RFC 9309 when it cannot be read: a 4xx
 * (or more redirects than the fetcher follows) means no rules, everything allowed; a 5xx, a 429, or no answer means everything
 * disallowed, for {@code unreachableFor}, after which it is asked again. A robots.txt over {@link #MAX_BYTES} is read
 * from its first {@code MAX_BYTES} (RFC 9309, 2.5: at least 500 KiB), without its cut last line, whatever the
 * crawl's body limit.
 *
 * <pre>{@code
 * robots.load("http://127.0.0.1:8080").subscribe(verdict -> verdict.allows(url));
 * }</pre>
 */
final class Robots {
    /** How much of a robots.txt is read, as sent and once decoded: RFC 9309's minimum, 500 KiB. */
    static final int MAX_BYTES = 500 * 1024;

    private final Fetcher fetcher;
    private final List<String> robotNames;
    private final Duration unreachableFor;
    private final long maxCrawlDelayMillis;
    private final LongSupplier nanoClock;

    Robots(Fetcher fetcher, String userAgent, Duration unreachableFor, Duration maxCrawlDelay, LongSupplier nanoClock) {
        this.fetcher = fetcher;
        this.robotNames = List.of(robotName(userAgent));
        this.unreachableFor = unreachableFor;
        this.maxCrawlDelayMillis = maxCrawlDelay.toMillis();
        this.nanoClock = nanoClock;
    }

    /** The product token robots.txt groups are matched against: the User-Agent's first word, before any '/'. */
    static String robotName(String userAgent) {
        String first = userAgent.strip().split("[\\s/]", 2)[0];
        return first.toLowerCase(Locale.ROOT);
    }

    /** Fetches {@code origin}'s robots.txt (never fails: a failure is itself a verdict). */
    Mono<RobotsVerdict> load(String origin) {
        Mono<FetchResponse> fetch = fetcher.fetchTruncated(origin + "/robots.txt", MAX_BYTES);
        if (fetcher.kind() == Kind.BLOCKING_IO) {
            fetch = fetch.subscribeOn(Schedulers.boundedElastic()); // the blocking fetcher blocks its subscriber
        }
        return fetch.map(this::judge)
                .onErrorResume(error -> Mono.just(unreachable("robots.txt failed: " + error)));
    }

    /** The verdict a robots.txt response gives. */
    RobotsVerdict judge(FetchResponse response) {
        if (response.outcome() == FetchOutcome.TOO_MANY_REDIRECTS) {
            return RobotsVerdict.allowEverything();
        }
        int status = response.status();
        if (response.outcome() != FetchOutcome.OK || status == 429 || status >= 500) {
            String why = response.outcome() == FetchOutcome.OK ? "robots.txt answered " + status
                    : "robots.txt failed: " + response.outcome();
            return unreachable(why);
        }
        if (status >= 400 || status < 200 || status >= 300) {
            return RobotsVerdict.allowEverything();
        }
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
        BaseRobotRules rules = parser.parseContent(response.url(), wholeLines(response), response.contentType(), robotNames);
        long delay = rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? 0
                : Math.min(Math.max(0, rules.getCrawlDelay()), maxCrawlDelayMillis);
        return new RobotsVerdict(rules, true, RobotsVerdict.DISALLOWED, delay, Long.MAX_VALUE);
    }

    /** The body, without the line a truncation cut short: "Disallow: /priv" would disallow more than was written. */
    private static byte[] wholeLines(FetchResponse response) {
        byte[] body = response.body();
        if (!response.truncated()) {
            return body;
        }
        int end = body.length;
        while (end > 0 && body[end - 1] != '\n' && body[end - 1] != '\r') {
            end--;
        }
        return Arrays.copyOf(body, end);
    }

    private RobotsVerdict unreachable(String why) {
        return new RobotsVerdict(null, false, RobotsVerdict.UNREACHABLE + " (" + why + ")", 0,
                nanoClock.getAsLong() + unreachableFor.toNanos());
    }
}
