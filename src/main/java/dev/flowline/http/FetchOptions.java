package dev.flowline.http;

import dev.flowline.Flowline;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The limits and settings of a {@link Fetcher}, immutable. Every limit is explicit and bounded, so no library
 * default silently caps (or unboundedly grows) a run.
 *
 * <pre>{@code
 * FetchOptions options = FetchOptions.builder()
 *         .maxConnections(2048).connectTimeout(Duration.ofSeconds(2)).maxBodyBytes(1 << 20)
 *         .build();
 * }</pre>
 *
 * <p>Defaults: connect timeout 5 s; response timeout 30 s (the longest wait for the headers, and between two
 * reads of the body); a whole fetch, redirects included, at most 2 minutes, so a body trickled
 * byte by byte still ends; body at most 10 MiB, as sent and once decoded; at most 10 redirects, followed; 1,024
 * connections per host and 8,192 requests waiting for one, for at most 60 s; idle connections closed after 30 s,
 * checked every 10 s; as many event loops as cores; User-Agent {@code Flowline/<version>}. The pool and event-loop
 * settings apply to the non-blocking fetcher only: the blocking one uses a connection per calling thread.
 */
public final class FetchOptions {

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration maxFetchTime;
    private final long maxBodyBytes;
    private final int maxRedirects;
    private final boolean followRedirects;
    private final BiPredicate<URI, URI> redirectAllowed;
    private final int maxConnections;
    private final int maxPendingAcquires;
    private final Duration pendingAcquireTimeout;
    private final Duration maxIdleTime;
    private final Duration evictionInterval;
    private final int eventLoops;
    private final String userAgent;
    /** Authorization header values by origin ({@link Urls#origin}); never printed. */
    private final Map<String, String> authorizations;

    private FetchOptions(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.responseTimeout = builder.responseTimeout;
        this.maxFetchTime = builder.maxFetchTime;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.maxRedirects = builder.maxRedirects;
        this.followRedirects = builder.followRedirects;
        this.redirectAllowed = builder.redirectAllowed;
        this.maxConnections = builder.maxConnections;
        this.maxPendingAcquires = builder.maxPendingAcquires;
        this.pendingAcquireTimeout = builder.pendingAcquireTimeout;
        this.maxIdleTime = builder.maxIdleTime;
        this.evictionInterval = builder.evictionInterval;
        this.eventLoops = builder.eventLoops;
        this.userAgent = builder.userAgent;
        this.authorizations = Map.copyOf(builder.authorizations);
    }

    /** The defaults listed above. */
    public static FetchOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.authorizations.putAll(authorizations);
        return builder
                .connectTimeout(connectTimeout).responseTimeout(responseTimeout).maxFetchTime(maxFetchTime).maxBodyBytes(maxBodyBytes)
                .maxRedirects(maxRedirects).followRedirects(followRedirects).redirectsWhere(redirectAllowed).maxConnections(maxConnections)
                .maxPendingAcquires(maxPendingAcquires).pendingAcquireTimeout(pendingAcquireTimeout)
                .maxIdleTime(maxIdleTime).evictionInterval(evictionInterval).eventLoops(eventLoops).userAgent(userAgent);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    public Duration maxFetchTime() {
        return maxFetchTime;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxRedirects() {
        return maxRedirects;
    }

    public boolean followRedirects() {
        return followRedirects;
    }

    /** Whether a redirect from the URL a fetch was asked for ({@code first}) to {@code target} may be followed. */
    public boolean redirectAllowed(URI first, URI target) {
        return redirectAllowed.test(first, target);
    }

    public int maxConnections() {
        return maxConnections;
    }

    public int maxPendingAcquires() {
        return maxPendingAcquires;
    }

    public Duration pendingAcquireTimeout() {
        return pendingAcquireTimeout;
    }

    public Duration maxIdleTime() {
        return maxIdleTime;
    }

    public Duration evictionInterval() {
        return evictionInterval;
    }

    public int eventLoops() {
        return eventLoops;
    }

    public String userAgent() {
        return userAgent;
    }

    /** The Authorization header to send to {@code uri}'s origin, or null for none (see {@link Builder#basicAuth}). */
    String authorization(URI uri) {
        return authorizations.isEmpty() ? null : authorizations.get(Urls.origin(uri));
    }

    @Override
    public String toString() {
        return "FetchOptions[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + ", maxFetchTime=" + maxFetchTime
                + ", maxBodyBytes=" + maxBodyBytes + ", maxRedirects=" + maxRedirects + ", followRedirects="
                + followRedirects + ", maxConnections=" + maxConnections + ", maxPendingAcquires=" + maxPendingAcquires
                + ", pendingAcquireTimeout=" + pendingAcquireTimeout + ", maxIdleTime=" + maxIdleTime
                + ", evictionInterval=" + evictionInterval + ", eventLoops=" + eventLoops + ", userAgent=" + userAgent + ", basicAuth=" + authorizations.keySet() + "]";
    }

    /** Builds {@link FetchOptions}; every setter checks its value and names it in the error when it is bad. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private Duration maxFetchTime = Duration.ofMinutes(2);
        private long maxBodyBytes = 10L * 1024 * 1024;
        private int maxRedirects = 10;
        private boolean followRedirects = true;
        private BiPredicate<URI, URI> redirectAllowed = (first, target) -> true;
        private int maxConnections = 1_024;
        private int maxPendingAcquires = 8_192;
        private Duration pendingAcquireTimeout = Duration.ofSeconds(60);
        private Duration maxIdleTime = Duration.ofSeconds(30);
        private Duration evictionInterval = Duration.ofSeconds(10);
        private int eventLoops = Runtime.getRuntime().availableProcessors();
        private String userAgent = "Flowline/" + Flowline.version();
        private final Map<String, String> authorizations = new LinkedHashMap<>();

        private Builder() {}

        /** The longest wait for a connection to open. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** The longest wait for the response headers once the request is sent, and between two reads of the body. */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "response timeout");
            return this;
        }

        /**
         * The longest a whole fetch may take, redirects and body included; past it the fetch ends with
         * {@link FetchOutcome#TIMEOUT}. The response timeout alone cannot stop a server that trickles a byte now and then.
         */
        public Builder maxFetchTime(Duration time) {
            this.maxFetchTime = positive(time, "max fetch time");
            return this;
        }

        /**
         * The most body bytes read, as sent and once decoded; past it the fetch ends with {@link FetchOutcome#BODY_TOO_LARGE}
         * ({@link Fetcher#fetchTruncated} keeps the first bytes instead, up to a limit of its own).
         */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = BodyLimit.checked(bytes);
            return this;
        }

        /** The most redirects one fetch follows; one more ends it with {@link FetchOutcome#TOO_MANY_REDIRECTS}. */
        public Builder maxRedirects(int count) {
            this.maxRedirects = atLeast(count, 0, "max redirects");
            return this;
        }

        /** Whether to follow redirects; when not, a 3xx response is returned as it is (outcome OK). */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        /**
         * Follows a redirect only when {@code allowed} accepts the URL the fetch was asked for and the redirect's
         * target (a crawler's scope, say); a refused redirect is returned as it is, like an unfollowed one. All by default.
         */
        public Builder redirectsWhere(BiPredicate<URI, URI> allowed) {
            this.redirectAllowed = Objects.requireNonNull(allowed, "allowed");
            return this;
        }

        /** The most connections open to one host (non-blocking fetcher). */
        public Builder maxConnections(int count) {
            this.maxConnections = atLeast(count, 1, "max connections");
            return this;
        }

        /** The most requests waiting for a connection to one host (non-blocking fetcher); one more fails with {@link FetchOutcome#POOL_EXHAUSTED}. */
        public Builder maxPendingAcquires(int count) {
            this.maxPendingAcquires = atLeast(count, 1, "max pending acquires");
            return this;
        }

        /** The longest a request waits for a pooled connection (non-blocking fetcher). */
        public Builder pendingAcquireTimeout(Duration timeout) {
            this.pendingAcquireTimeout = positive(timeout, "pending acquire timeout");
            return this;
        }

        /** How long a pooled connection may stay idle before it is closed (non-blocking fetcher). */
        public Builder maxIdleTime(Duration idle) {
            this.maxIdleTime = positive(idle, "max idle time");
            return this;
        }

        /** How often the pool closes idle connections in the background (non-blocking fetcher). */
        public Builder evictionInterval(Duration interval) {
            this.evictionInterval = positive(interval, "eviction interval");
            return this;
        }

        /** The fetcher's own event loop threads (non-blocking fetcher). */
        public Builder eventLoops(int count) {
            this.eventLoops = atLeast(count, 1, "event loops");
            return this;
        }

        /** The User-Agent header; it should name the crawler and how to reach its owner. */
        public Builder userAgent(String agent) {
            if (agent == null || agent.isBlank() || hasControl(agent)) {
                throw new IllegalArgumentException("user agent must be printable text, was '" + agent + "'");
            }
            this.userAgent = agent;
            return this;
        }

        /**
         * Sends {@code user} and {@code password} (HTTP Basic, RFC 7617) with every request to {@code origin}'s scheme,
         * host and port, and to no other: a redirect to another origin goes without them. They are never printed,
         * not even by {@link FetchOptions#toString()}. Basic sends them readable by anyone on the path over plain http.
         *
         * @throws IllegalArgumentException naming the origin when it is not an http(s) URL, or saying which of user
         *                                  or password is bad (the values are not echoed)
         */
        public Builder basicAuth(String origin, String user, String password) {
            URI uri;
            try {
                uri = Urls.parse(origin);
            } catch (FetchFailure notHttp) {
                throw new IllegalArgumentException("basic auth origin must be an http(s) URL, was '" + origin + "'");
            }
            if (user == null || user.indexOf(':') >= 0 || hasControl(user)) {
                throw new IllegalArgumentException("basic auth user for " + Urls.origin(uri)
                        + " must be given, without ':' or control characters");
            }
            if (password == null || hasControl(password)) {
                throw new IllegalArgumentException("basic auth password for " + Urls.origin(uri)
                        + " must be given, without control characters");
            }
            authorizations.put(Urls.origin(uri), "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        public FetchOptions build() {
            return new FetchOptions(this);
        }

        private static boolean hasControl(String text) {
            return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        }

        private static int atLeast(int value, int min, String what) {
            if (value < min) {
                throw new IllegalArgumentException(what + " must be at least " + min + ", was " + value);
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
