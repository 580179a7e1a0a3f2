package dev.flowline.http;

/**
 * How a fetch ended. {@link #OK} means an HTTP exchange completed, whatever its status (a 404 or a 503 is OK with
 * that status); every other value is a failure the pipeline's retry and error policies can act on.
 *
 * <pre>{@code
 * .retryWhen(Retry.max(3).filter(e -> e instanceof FetchException f && f.retryable()))
 * }</pre>
 */
public enum FetchOutcome {
    /**
     * A complete response arrived, or, with {@link Fetcher#fetchTruncated}, its first bytes up to the limit asked
     * for ({@link FetchResponse#truncated()}); look at its status.
     */
    OK(false),
    /** Connecting took longer than the connect timeout, or the server went silent for longer than the response timeout. */
    TIMEOUT(true),
    /** Nothing listens at the address: the connection was refused. */
    CONNECT_REFUSED(true),
    /** The server closed or reset the connection before the response was complete. */
    CONNECTION_RESET(true),
    /** The connection pool had no connection free and too many requests already waiting, or waited too long for one. */
    POOL_EXHAUSTED(true),
    /** The host name does not resolve. */
    UNKNOWN_HOST(false),
    /** The body, as sent or once decoded, is larger than the maximum body size; reading stopped there. */
    BODY_TOO_LARGE(false),
    /** The redirects went on past the maximum number of redirects. */
    TOO_MANY_REDIRECTS(false),
    /** A redirect led back to a URL already visited by this fetch. */
    REDIRECT_LOOP(false),
    /** The URL is not a URL (or has no host). */
    BAD_URL(false),
    /** The URL, or a redirect's Location, is not http or https. */
    UNSUPPORTED_SCHEME(false),
    /** The server answered something that is not valid HTTP: a malformed status or header, a redirect without a usable Location, an unknown or corrupt content encoding. */
    BAD_RESPONSE(false),
    /** Any other failure; the response's detail says what. */
    FAILED(false);

    private final boolean retryable;

    FetchOutcome(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether trying the same URL again later may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
