package dev.flowline.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One fetch as both fetchers run it: checks the URL, decides after each exchange whether to follow a redirect
 * (detecting loops and counting hops), and builds the {@link FetchResponse}. The fetchers only do the exchanges.
 *
 * <pre>{@code
 * FetchSession session = new FetchSession(url, options);
 * for (Step step = session.begin(); ; step = session.after(exchange(step.next()))) {
 *     if (step.next() == null) return step.response();
 * }
 * }</pre>
 */
final class FetchSession {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final String url;
    private final FetchOptions options;
    private final BodyLimit bodyLimit;
    private final long start = System.nanoTime();
    private final List<String> redirects = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();
    private URI first;
    private URI current;
    private long connectedAt = -1;
    private long firstByteAt = -1;

    /** A fetch of {@code url} with the options' body limit, failing past it. */
    FetchSession(String url, FetchOptions options) {
        this(url, options, new BodyLimit(options.maxBodyBytes(), false));
    }

    FetchSession(String url, FetchOptions options, BodyLimit bodyLimit) {
        this.url = url;
        this.options = options;
        this.bodyLimit = bodyLimit;
    }

    /** What to do next: exchange with {@code next}, or, when it is null, return {@code response}. */
    record Step(URI next, FetchResponse response) {}

    /** The first step: the URL to exchange with, or a BAD_URL / UNSUPPORTED_SCHEME response. */
    Step begin() {
        try {
            return goTo(Urls.parse(url));
        } catch (FetchFailure failure) {
            return done(Hop.failed(failure));
        }
    }

    /** The step after an exchange: follow its redirect, or finish with it. */
    Step after(Hop hop) {
        if (hop.outcome() != FetchOutcome.OK || !options.followRedirects() || !REDIRECTS.contains(hop.status())) {
            return done(hop);
        }
        List<String> location = hop.headers().getOrDefault("Location", List.of());
        try {
            if (location.isEmpty()) {
                throw new FetchFailure(FetchOutcome.BAD_RESPONSE, hop.status() + " redirect without a Location header");
            }
            URI target = Urls.resolve(current, location.get(0));
            if (visited.contains(Urls.key(target))) {
                throw new FetchFailure(FetchOutcome.REDIRECT_LOOP, "redirect loop: " + current + " -> " + target
                        + ", visited already");
            }
            if (redirects.size() >= options.maxRedirects()) {
                throw new FetchFailure(FetchOutcome.TOO_MANY_REDIRECTS, "more than " + options.maxRedirects()
                        + " redirects, the last to " + target);
            }
            if (!options.redirectAllowed(first, target)) {
                return done(hop); // refused: returned as it is, Location and all, like an unfollowed redirect
            }
            redirects.add(current.toString());
            return goTo(target);
        } catch (FetchFailure failure) {
            return done(Hop.failed(failure, hop.status(), hop.headers(), hop.bytes()));
        }
    }

    /** How much of each response's body to read. */
    BodyLimit bodyLimit() {
        return bodyLimit;
    }

    /** When the whole fetch must be over, in {@link System#nanoTime()} terms. */
    long deadline() {
        return start + options.maxFetchTime().toNanos();
    }

    /** The response of a fetch that went past the max fetch time. */
    FetchResponse timedOut() {
        return done(Hop.failed(new FetchFailure(FetchOutcome.TIMEOUT, "the fetch took longer than the max fetch time of "
                + options.maxFetchTime().toMillis() + " ms"))).response();
    }

    /** Marks that a connection is ready to send (the first time only). */
    void connected() {
        if (connectedAt < 0) {
            connectedAt = System.nanoTime();
        }
    }

    /** Marks that response headers arrived (the last hop's count). */
    void firstByte() {
        firstByteAt = System.nanoTime();
    }

    private Step goTo(URI target) {
        if (first == null) {
            first = target;
        }
        current = target;
        visited.add(Urls.key(target));
        return new Step(target, null);
    }

    private Step done(Hop hop) {
        long end = System.nanoTime();
        FetchTiming timing = new FetchTiming(since(connectedAt), since(firstByteAt), Duration.ofNanos(end - start));
        String finalUrl = current == null ? url : current.toString();
        Map<String, List<String>> headers = hop.headers();
        return new Step(null, new FetchResponse(url, finalUrl, hop.outcome(), hop.status(), headers, hop.body(),
                hop.truncated(), hop.bytes(), List.copyOf(redirects), timing, hop.detail()));
    }

    private Optional<Duration> since(long mark) {
        return mark < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(mark - start));
    }
}
