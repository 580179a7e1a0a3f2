package dev.flowline.http;

import dev.flowline.Kind;
import reactor.core.publisher.Mono;

/**
 * Fetches URLs with HTTP GET, following redirects, within the limits of its {@link FetchOptions}. Every failure
 * (a timeout, a refused connection, a bad URL, a body too large...) comes back as a {@link FetchResponse} with a
 * typed {@link FetchOutcome}, never as an error that ends a run.
 *
 * <p>Two implementations: {@link #nonBlocking(FetchOptions)} (Reactor Netty, for {@link Kind#ASYNC_IO} stages:
 * {@link #fetch} never blocks) and {@link #blocking(FetchOptions)} (the JDK's HttpClient {@code send}, for
 * {@link Kind#BLOCKING_IO} stages: {@link #fetch} blocks the thread that subscribes, be it a platform thread,
 * boundedElastic or a virtual thread).
 *
 * <pre>{@code
 * try (Fetcher fetcher = Fetcher.nonBlocking(FetchOptions.defaults())) {
 *     Flux.fromIterable(urls).flatMap(fetcher::fetch, 512).filter(FetchResponse::isSuccess)...
 * }
 * }</pre>
 */
public interface Fetcher extends AutoCloseable {

    /** A Reactor Netty fetcher with its own connection pool and event loops; see {@link FetchOptions} for their limits. */
    static Fetcher nonBlocking(FetchOptions options) {
        return new NettyFetcher(options);
    }

    /** A non-blocking fetcher with the default options. */
    static Fetcher nonBlocking() {
        return nonBlocking(FetchOptions.defaults());
    }

    /**
     * A fetcher on the JDK's {@link java.net.http.HttpClient}, whose blocking {@code send} runs on the subscribing
     * thread. Its internal tasks run on virtual threads, so it starts no platform thread per request.
     */
    static Fetcher blocking(FetchOptions options) {
        return new JdkFetcher(options);
    }

    /** A blocking fetcher with the default options. */
    static Fetcher blocking() {
        return blocking(FetchOptions.defaults());
    }

    /** Fetches {@code url} when subscribed; emits one response, never an error. */
    Mono<FetchResponse> fetch(String url);

    /**
     * Fetches {@code url} like {@link #fetch}, but keeps at most the first {@code maxBodyBytes} bytes of a longer
     * body instead of failing it with {@link FetchOutcome#BODY_TOO_LARGE}: the rest is left unread (its connection
     * is closed, never reused), and the response is OK and {@link FetchResponse#truncated() truncated}. The limit
     * holds for the bytes sent and for the bytes decoded (gzip, deflate): a compressed body cut on the wire decodes
     * as far as its bytes go. This limit replaces {@link FetchOptions#maxBodyBytes()} for this fetch, so it may be
     * larger: for documents whose first part is still worth having, such as a robots.txt (RFC 9309 asks crawlers
     * to read at least the first 500 KiB).
     *
     * @throws IllegalArgumentException naming {@code maxBodyBytes} when it is not between 1 and about 2 GiB
     */
    Mono<FetchResponse> fetchTruncated(String url, long maxBodyBytes);

    /** Fetches {@code url} on the calling thread and returns the response; never throws for a failed fetch. */
    FetchResponse get(String url);

    /** The kind of stage this fetcher belongs in: {@link Kind#ASYNC_IO} or {@link Kind#BLOCKING_IO}. */
    Kind kind();

    /** The options this fetcher runs with. */
    FetchOptions options();

    /** Closes the connections and releases the threads; fetches still running fail. */
    @Override
    void close();
}
