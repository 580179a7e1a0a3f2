package dev.flowline.samples.crawler;

import dev.flowline.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a crawl needs to know, checked and frozen: seeds, scope, limits, politeness, retries, execution mode
 * and fetcher. Build it with {@link #builder(List)}; every setter names the bad value when it refuses one.
 *
 * <p>A seed's user-info ({@code http://user:password@host/}) is taken out of it: {@link #seeds()} are normalized
 * without it, and {@link #seedCredentials()} keeps it by origin, to be sent there (HTTP Basic) and nowhere else.
 *
 * <pre>{@code
 * CrawlConfig config = CrawlConfig.builder(List.of("http://127.0.0.1:8080/"))
 *         .maxDepth(3).maxPages(500).perHostConcurrency(8).hostDelay(Duration.ZERO)
 *         .mode(Mode.VIRTUAL).fetcher(FetcherKind.BLOCKING)
 *         .build();
 * }</pre>
 */
public record CrawlConfig(
        List<String> seeds,
        int maxDepth,
        long maxPages,
        List<Pattern> allow,
        List<Pattern> deny,
        boolean checkExternal,
        int concurrency,
        int perHostConcurrency,
        Duration hostDelay,
        boolean obeyRobots,
        Duration robotsUnreachableFor,
        Duration maxCrawlDelay,
        String userAgent,
        int retries,
        Duration retryBackoff,
        Duration maxRetryWait,
        Duration timeout,
        long maxBodyBytes,
        Mode mode,
        int threads,
        FetcherKind fetcher,
        int frontierCapacity,
        Path bodiesDir,
        Duration drainTimeout,
        Map<String, UserInfo> seedCredentials) {

    public CrawlConfig {
        seeds = List.copyOf(seeds);
        seedCredentials = Map.copyOf(seedCredentials);
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    /** A builder with the defaults: polite to the public web, see each setter. */
    public static Builder builder(List<String> seeds) {
        return new Builder(seeds);
    }

    /** Builds a {@link CrawlConfig}; each setter checks its value. */
    public static final class Builder {
        private final List<String> seeds = new ArrayList<>();
        private final Map<String, UserInfo> seedCredentials = new LinkedHashMap<>();
        private int maxDepth = 10;
        private long maxPages = 10_000;
        private final List<Pattern> allow = new ArrayList<>();
        private final List<Pattern> deny = new ArrayList<>();
        private boolean checkExternal;
        private int concurrency = 64;
        private int perHostConcurrency = 2;
        private Duration hostDelay = Duration.ofMillis(250);
        private boolean obeyRobots = true;
        private Duration robotsUnreachableFor = Duration.ofMinutes(1);
        private Duration maxCrawlDelay = Duration.ofSeconds(30);
        private String userAgent = "Flowline-crawler/" + dev.flowline.Flowline.version();
        private int retries = 2;
        private Duration retryBackoff = Duration.ofMillis(200);
        private Duration maxRetryWait = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofSeconds(10);
        private long maxBodyBytes = 10L * 1024 * 1024;
        private Mode mode = Mode.REACTIVE;
        private int threads = 200;
        private FetcherKind fetcher = FetcherKind.NON_BLOCKING;
        private int frontierCapacity = 1_000_000;
        private Path bodiesDir;
        private Duration drainTimeout = Duration.ofSeconds(10);

        private Builder(List<String> seeds) {
            if (seeds == null || seeds.isEmpty()) {
                throw new IllegalArgumentException("no seed URL given");
            }
            for (String seed : seeds) {
                String normalized;
                try {
                    normalized = UrlNormalizer.normalize(seed);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad seed '" + UserInfo.redacted(seed) + "': " + UserInfo.redacted(e.getMessage()));
                }
                if (!this.seeds.contains(normalized)) {
                    this.seeds.add(normalized);
                }
                UserInfo.of(seed).ifPresent(credentials -> {
                    UserInfo before = seedCredentials.putIfAbsent(Scope.origin(normalized), credentials);
                    if (before != null && !before.equals(credentials)) {
                        throw new IllegalArgumentException("seeds give two different credentials for " + Scope.origin(normalized));
                    }
                });
            }
        }

        /** Links followed from the seeds (depth 0) at most; 10 by default. */
        public Builder maxDepth(int depth) {
            this.maxDepth = (int) atLeast(depth, 0, "max depth");
            return this;
        }

        /** URLs attempted at most, seeds included; 10,000 by default. */
        public Builder maxPages(long pages) {
            this.maxPages = atLeast(pages, 1, "max pages");
            return this;
        }

        /** Crawls only URLs matching one of these patterns (instead of the seeds' hosts). */
        public Builder allow(List<Pattern> patterns) {
            allow.addAll(patterns);
            return this;
        }

        /** Never crawls URLs matching one of these patterns. */
        public Builder deny(List<Pattern> patterns) {
            deny.addAll(patterns);
            return this;
        }

        /** Also fetches links that leave the scope (without following theirs): what a link checker wants. */
        public Builder checkExternal(boolean check) {
            this.checkExternal = check;
            return this;
        }

        /** Fetches in flight at once, across all hosts; 64 by default. */
        public Builder concurrency(int fetches) {
            this.concurrency = (int) atLeast(fetches, 1, "concurrency");
            return this;
        }

        /** Fetches in flight at once to one host; 2 by default. */
        public Builder perHostConcurrency(int fetches) {
            this.perHostConcurrency = (int) atLeast(fetches, 1, "per-host concurrency");
            return this;
        }

        /** The least time between the starts of two requests to one host; 250 ms by default. */
        public Builder hostDelay(Duration delay) {
            this.hostDelay = notNegative(delay, "host delay");
            return this;
        }

        /** Whether to obey robots.txt; true by default. */
        public Builder obeyRobots(boolean obey) {
            this.obeyRobots = obey;
            return this;
        }

        /** How long a host whose robots.txt failed with 5xx or no answer stays disallowed before it is asked again. */
        public Builder robotsUnreachableFor(Duration duration) {
            this.robotsUnreachableFor = notNegative(duration, "robots unreachable time");
            return this;
        }

        /** The longest Crawl-delay honoured; a robots.txt asking for more gets this much. */
        public Builder maxCrawlDelay(Duration delay) {
            this.maxCrawlDelay = notNegative(delay, "max crawl delay");
            return this;
        }

        /** The User-Agent sent, whose first word is also the name looked up in robots.txt. */
        public Builder userAgent(String agent) {
            if (agent == null || agent.isBlank() || agent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("user agent must be printable text, was '" + agent + "'");
            }
            this.userAgent = agent;
            return this;
        }

        /** Retries of a URL after a 5xx, 429, timeout or reset; 2 by default. */
        public Builder retries(int count) {
            this.retries = (int) atLeast(count, 0, "retries");
            return this;
        }

        /** The wait before the first retry, doubled for each next one; 200 ms by default. */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = notNegative(backoff, "retry backoff");
            return this;
        }

        /** The longest wait before a retry; a Retry-After asking for more ends the retries. */
        public Builder maxRetryWait(Duration wait) {
            this.maxRetryWait = notNegative(wait, "max retry wait");
            return this;
        }

        /** Connect timeout, and the longest silence while waiting for a response; 10 s by default. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The largest body read; 10 MiB by default. */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = atLeast(bytes, 1, "max body bytes");
            return this;
        }

        /** The execution mode; REACTIVE by default. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** THREADS mode's pool size; 200 by default. */
        public Builder threads(int threads) {
            this.threads = (int) atLeast(threads, 1, "threads");
            return this;
        }

        /** The fetcher; non-blocking by default. */
        public Builder fetcher(FetcherKind fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /** URLs waiting in the frontier at most; more are skipped (reason "frontier full"). 1,000,000 by default. */
        public Builder frontierCapacity(int urls) {
            this.frontierCapacity = (int) atLeast(urls, 1, "frontier capacity");
            return this;
        }

        /** Where to save page bodies, or null (the default) not to save them. */
        public Builder bodiesDir(Path dir) {
            this.bodiesDir = dir;
            return this;
        }

        /** After a stop request, how long fetches in flight may take to finish before they are cancelled. */
        public Builder drainTimeout(Duration timeout) {
            this.drainTimeout = notNegative(timeout, "drain timeout");
            return this;
        }

        public CrawlConfig build() {
            return new CrawlConfig(seeds, maxDepth, maxPages, allow, deny, checkExternal, concurrency, perHostConcurrency,
                    hostDelay, obeyRobots, robotsUnreachableFor, maxCrawlDelay, userAgent, retries, retryBackoff,
                    maxRetryWait, timeout, maxBodyBytes, mode, threads, fetcher, frontierCapacity, bodiesDir, drainTimeout,
                    seedCredentials);
        }

        private static long atLeast(long value, long minimum, String what) {
            if (value < minimum) {
                throw new IllegalArgumentException(what + " must be at least " + minimum + ", was " + value);
            }
            return value;
        }

        private static Duration notNegative(Duration duration, String what) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, was " + duration);
            }
            return duration;
        }
    }
}
