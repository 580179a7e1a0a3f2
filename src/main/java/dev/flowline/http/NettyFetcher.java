package dev.flowline.http;

import dev.flowline.Kind;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.util.context.Context;

/**
 * The non-blocking {@link Fetcher}: Reactor Netty's HttpClient on its own connection pool and event loops, both
 * sized by the {@link FetchOptions} rather than Reactor Netty's defaults (16 connections, 32 waiting).
 */
final class NettyFetcher implements Fetcher {

    private static final Duration SHUTDOWN = Duration.ofSeconds(5);

    private final FetchOptions options;
    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final HttpClient client;

    NettyFetcher(FetchOptions options) {
        this.options = options;
        this.pool = ConnectionProvider.builder("flowline-fetch")
                .maxConnections(options.maxConnections())
                .pendingAcquireMaxCount(options.maxPendingAcquires())
                .pendingAcquireTimeout(options.pendingAcquireTimeout())
                .maxIdleTime(options.maxIdleTime())
                .evictInBackground(options.evictionInterval())
                .build();
        this.loops = LoopResources.create("flowline-fetch", options.eventLoops(), true);
        this.client = HttpClient.create(pool)
                .runOn(loops)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .responseTimeout(options.responseTimeout())
                .followRedirect(false)  // FetchSession follows them, with loop detection
                .disableRetry(true)     // a retry is the pipeline's decision, and would skew the site's counts
                .compress(false)        // BodyBuffer decodes, within the body limit
                .headers(headers -> headers
                        .set(HttpHeaderNames.USER_AGENT, options.userAgent())
                        .set(HttpHeaderNames.ACCEPT_ENCODING, "gzip, deflate"))
                .doOnRequest((request, connection) ->
                        request.currentContextView().<FetchSession>getOrEmpty(FetchSession.class).ifPresent(FetchSession::connected));
    }

    @Override
    public Mono<FetchResponse> fetch(String url) {
        return fetch(url, new BodyLimit(options.maxBodyBytes(), false));
    }

    @Override
    public Mono<FetchResponse> fetchTruncated(String url, long maxBodyBytes) {
        return fetch(url, new BodyLimit(maxBodyBytes, true));
    }

    private Mono<FetchResponse> fetch(String url, BodyLimit bodyLimit) {
        return Mono.defer(() -> {
            FetchSession session = new FetchSession(url, options, bodyLimit);
            // Cancelling the exchange closes its connection, so a half-read one never goes back to the pool.
            return follow(session, session.begin())
                    .timeout(options.maxFetchTime(), Mono.fromSupplier(session::timedOut));
        });
    }

    @Override
    public FetchResponse get(String url) {
        return fetch(url).block();
    }

    @Override
    public Kind kind() {
        return Kind.ASYNC_IO;
    }

    @Override
    public FetchOptions options() {
        return options;
    }

    @Override
    public void close() {
        pool.disposeLater().block(SHUTDOWN);
        loops.disposeLater(Duration.ZERO, SHUTDOWN).block(SHUTDOWN.multipliedBy(2));
    }

    private Mono<FetchResponse> follow(FetchSession session, FetchSession.Step step) {
        if (step.next() == null) {
            return Mono.just(step.response());
        }
        return exchange(step.next(), session).flatMap(hop -> follow(session, session.after(hop)));
    }

    private Mono<Hop> exchange(URI uri, FetchSession session) {
        String authorization = options.authorization(uri);
        HttpClient sender = authorization == null ? client
                : client.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, authorization));
        return sender.get()
                .uri(uri)
                .responseConnection((response, connection) -> read(response, connection, session))
                .single()
                .contextWrite(Context.of(FetchSession.class, session))
                .onErrorResume(error -> Mono.just(Hop.failed(error)));
    }

    /**
     * Reads the body within the limit; on any failure, or when a truncating limit leaves the rest unread, closes the
     * connection, so no half-read one goes back to the pool.
     */
    private Mono<Hop> read(HttpClientResponse response, Connection connection, FetchSession session) {
        session.firstByte();
        int status = response.status().code();
        Map<String, List<String>> headers = Hop.headers(sink -> response.responseHeaders().forEach(h -> sink.accept(h.getKey(), h.getValue())));
        BodyBuffer buffer;
        try {
            buffer = BodyBuffer.forResponse(headers, session.bodyLimit());
        } catch (FetchFailure failure) {
            connection.dispose();
            return Mono.just(Hop.failed(failure, status, headers, 0));
        }
        return connection.inbound().receive()
                .takeWhile(chunk -> buffer.add(chunk.nioBuffer()))
                .then(Mono.fromCallable(() -> {
                    if (buffer.cutOnTheWire()) {
                        connection.dispose(); // the rest is unread: closed here, not left to how a cancelled read ends
                    }
                    return Hop.completed(status, headers, buffer);
                }))
                .onErrorResume(error -> {
                    connection.dispose();
                    return Mono.just(Hop.failed(error, status, headers, buffer.size()));
                });
    }
}
