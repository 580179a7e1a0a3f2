package dev.flowline.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A generated website served on loopback by an embedded Reactor Netty server, for crawlers, tests and benchmarks
 * to hit: {@code N} pages with {@code K} links each (the same graph for the same seed), configurable latency,
 * faults on demand, robots.txt, a sitemap, a spider trap, and counters of everything it served.
 *
 * <pre>{@code
 * try (LocalSite site = LocalSite.builder().pages(100).links(5).seed(42)
 *         .latency(Latency.fixed(Duration.ofMillis(20)))
 *         .fault("/page/7", Fault.UNAVAILABLE)
 *         .start()) {
 *     fetcher.get(site.url("/page/7"));                       // 503
 *     assertThat(site.counters().status(503)).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>The site runs on its own event loops ({@code flowline-site-*} threads), never those of an in-process client.
 * Its URLs: {@code /} (home), {@code /page/n}, {@code /robots.txt}, {@code /sitemap.xml}, {@code /fault/<slug>}
 * (every {@link Fault}), {@code /redirect/chain/n}, {@code /redirect/loop/0}, {@code /flaky/N/anything} (503 for
 * the first N requests of that URL, then 200), {@code /trap/...} (an endless URL space), {@code /private/...}
 * (disallowed by robots.txt) and {@code /_flowline/stats} (the {@link SiteCounters} as JSON). See docs/site.md.
 */
public final class LocalSite implements AutoCloseable {

    private static final Duration SHUTDOWN = Duration.ofSeconds(5);

    private final SiteConfig config;
    private final Counters counters;
    private final LoopResources loops;
    private final List<DisposableServer> servers;
    private final List<String> origins;

    private LocalSite(SiteConfig config, Counters counters, LoopResources loops, List<DisposableServer> servers,
            List<String> origins) {
        this.config = config;
        this.counters = counters;
        this.loops = loops;
        this.servers = servers;
        this.origins = origins;
    }

    /** Starts describing a site: 1,000 pages of 10 links and about 4 KiB, seed 1, no latency, no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The root URL of the site's first host, like {@code http://127.0.0.1:41234/}. */
    public String baseUrl() {
        return origins.get(0) + "/";
    }

    /** The root URL of every host of the site; see {@link Builder#hosts(int)}. */
    public List<String> baseUrls() {
        return origins.stream().map(origin -> origin + "/").toList();
    }

    /** The absolute URL of {@code path} (which starts with {@code /}) on the site's first host. */
    public String url(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a site path starts with '/', was '" + path + "'");
        }
        return origins.get(0) + path;
    }

    /** The URL that always answers with {@code fault}, like {@code http://127.0.0.1:41234/fault/503}. */
    public String url(Fault fault) {
        return url(fault.path());
    }

    /** The port of the site's first host. */
    public int port() {
        return servers.get(0).port();
    }

    /** How many pages the site has: {@code /page/0} to {@code /page/(pages-1)}. */
    public int pages() {
        return config.pages();
    }

    /** A snapshot of what the site has served so far. */
    public SiteCounters counters() {
        return counters.snapshot();
    }

    /** Stops every host of the site and its event loops; waits at most a few seconds. */
    @Override
    public void close() {
        servers.forEach(server -> server.disposeNow(SHUTDOWN));
        loops.disposeLater(Duration.ZERO, SHUTDOWN).block(SHUTDOWN.multipliedBy(2));
    }

    @Override
    public String toString() {
        return "LocalSite" + baseUrls() + " (" + config.pages() + " pages, " + config.links() + " links, seed "
                + config.seed() + ", latency " + config.latency() + ")";
    }

    /**
     * Describes a {@link LocalSite}; every setter checks its value and names it in the error when it is bad.
     * {@link #start()} binds the site and returns it running.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private int hosts = 1;
        private int eventLoops = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int pages = 1_000;
        private int links = 10;
        private long seed = 1;
        private int pageBytes = 4_096;
        private Latency latency = Latency.none();
        private Duration faultDelay = Duration.ofSeconds(30);
        private long oversizedBytes = 64L * 1024 * 1024;
        private Duration crawlDelay = Duration.ZERO;
        private int robotsBytes = 0;
        private int holdUntilInFlight = 0;
        private Duration holdAtMost = Duration.ZERO;
        private final Map<String, Fault> faultsByPrefix = new LinkedHashMap<>();
        private double faultRate = 0;
        private List<Fault> rateFaults = List.of(Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.TOO_MANY_REQUESTS,
                Fault.REDIRECT_CHAIN, Fault.RESET_MID_BODY, Fault.TRUNCATED_HTML, Fault.GZIP);

        private Builder() {}

        /** The address to listen on; {@code 127.0.0.1} by default. Anything else exposes the site beyond this machine. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port of the first host; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = check(port, 0, 65_535, "port");
            return this;
        }

        /**
         * Serves the site as {@code count} hosts, one port each (consecutive ports after {@link #port(int)}, or
         * free ones when it is 0), so multi-host crawls need no DNS. Pages then link across hosts too, and the
         * counters tell the hosts apart by their {@code Host} header ({@code 127.0.0.1:port}).
         */
        public Builder hosts(int count) {
            this.hosts = check(count, 1, 64, "hosts");
            return this;
        }

        /** The site's own event loop threads; by default the number of cores, at most 4. */
        public Builder eventLoops(int count) {
            this.eventLoops = check(count, 1, 256, "event loops");
            return this;
        }

        /** The number of pages, {@code /page/0} to {@code /page/(count-1)}. */
        public Builder pages(int count) {
            this.pages = check(count, 1, Integer.MAX_VALUE, "pages");
            return this;
        }

        /** The links from each page to other pages; the first always goes to the next page. */
        public Builder links(int count) {
            this.links = check(count, 1, 10_000, "links");
            return this;
        }

        /** The seed of the link graph, the text, the latency draws and the rate faults. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Pads pages with text up to about this many bytes (they are never cut below their links). */
        public Builder pageBytes(int bytes) {
            this.pageBytes = check(bytes, 0, 64 * 1024 * 1024, "page bytes");
            return this;
        }

        /** How long the site waits before answering each request. */
        public Builder latency(Latency latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** How long {@link Fault#SLOW_FIRST_BYTE} waits before answering and {@link Fault#STALLED_BODY} stalls. */
        public Builder faultDelay(Duration delay) {
            this.faultDelay = positive(delay, "fault delay");
            return this;
        }

        /** The body length of {@link Fault#OVERSIZED} and {@link Fault#OVERSIZED_CHUNKED}; 64 MiB by default. */
        public Builder oversizedBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("oversized bytes must be at least 1, was " + bytes);
            }
            this.oversizedBytes = bytes;
            return this;
        }

        /** The {@code Crawl-delay} robots.txt asks for; 0 by default. */
        public Builder crawlDelay(Duration delay) {
            this.crawlDelay = Objects.requireNonNull(delay, "crawl delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("crawl delay must not be negative, was " + delay);
            }
            return this;
        }

        /**
         * Pads robots.txt with comment lines after its rules up to {@code bytes} (nothing by default): a huge
         * robots.txt whose rules come first, for crawlers that must read its beginning (RFC 9309: at least 500 KiB).
         */
        public Builder robotsBytes(int bytes) {
            this.robotsBytes = check(bytes, 0, 64 * 1024 * 1024, "robots bytes");
            return this;
        }

        /**
         * Answers every request whose path starts with {@code pathPrefix} with {@code fault}; when several
         * prefixes match, the longest wins.
         */
        public Builder fault(String pathPrefix, Fault fault) {
            if (pathPrefix == null || !pathPrefix.startsWith("/") || pathPrefix.startsWith("/_flowline/")) {
                throw new IllegalArgumentException("a fault's path prefix starts with '/' and is not under /_flowline/, was '"
                        + pathPrefix + "'");
            }
            faultsByPrefix.put(pathPrefix, Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /**
         * Answers a fraction {@code rate} of the page URLs ({@code /} and {@code /page/...}) with one of
         * {@code faults} (by default 500, 503, 429, a redirect chain, a reset, truncated HTML and gzip). Which URLs,
         * and which fault each gets, depends only on the seed and the URL: the same URL always behaves the same.
         */
        public Builder faultRate(double rate, Fault... faults) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("fault rate must be between 0 and 1, was " + rate);
            }
            this.faultRate = rate;
            if (faults.length > 0) {
                this.rateFaults = List.copyOf(Arrays.asList(faults));
            }
            return this;
        }

        /**
         * Answers no request until {@code requests} are in flight at once (or {@code atMost} has passed), then
         * answers every request as usual, latency included: a barrier that lets a test check how many requests a
         * client keeps in flight with a count ({@link SiteCounters#peakInFlight()}) rather than a clock.
         */
        public Builder holdUntilInFlight(int requests, Duration atMost) {
            this.holdUntilInFlight = check(requests, 1, Integer.MAX_VALUE, "requests to hold");
            this.holdAtMost = positive(atMost, "hold time");
            return this;
        }

        /**
         * Binds every host on the site's own event loops and returns the running site.
         *
         * @throws IllegalStateException naming the address when a port cannot be bound
         */
        public LocalSite start() {
            SiteConfig config = new SiteConfig(host, port, hosts, eventLoops, pages, links, seed, pageBytes, latency,
                    faultDelay, oversizedBytes, crawlDelay, robotsBytes, faultsByPrefix, faultRate, rateFaults, holdUntilInFlight, holdAtMost);
            Counters counters = new Counters();
            SiteHandler handler = new SiteHandler(config, counters);
            LoopResources loops = LoopResources.create("flowline-site", 1, eventLoops, true);
            List<DisposableServer> servers = new ArrayList<>();
            List<String> origins = new ArrayList<>();
            try {
                for (int i = 0; i < hosts; i++) {
                    int wanted = port == 0 ? 0 : port + i;
                    DisposableServer server = bind(loops, handler, wanted);
                    servers.add(server);
                    origins.add("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port());
                }
            } catch (RuntimeException e) {
                servers.forEach(server -> server.disposeNow(SHUTDOWN));
                loops.dispose();
                throw e;
            }
            handler.origins(origins);
            return new LocalSite(config, counters, loops, List.copyOf(servers), List.copyOf(origins));
        }

        private DisposableServer bind(LoopResources loops, SiteHandler handler, int wanted) {
            try {
                return HttpServer.create()
                        .host(host)
                        .port(wanted)
                        .runOn(loops)
                        .handle(handler)
                        .bindNow(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException("cannot serve the site on " + host + ":" + wanted + ": " + cause.getMessage(), e);
            }
        }

        private static int check(int value, int min, int max, String what) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }

        private static Duration positive(Duration duration, String what) {
            Objects.requireNonNull(duration, what);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
