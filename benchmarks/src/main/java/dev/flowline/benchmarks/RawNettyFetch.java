package dev.flowline.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * A plain Reactor Netty GET that reads the whole body: the non-blocking fetch, with nothing of Flowline in it, so
 * that running it bare and inside a Flowline stage measures the framework alone. Its pool and event loops are set
 * explicitly (Reactor Netty's defaults would cap it at 16 connections and share loops with everything else).
 */
final class RawNettyFetch implements AutoCloseable {
    private static final Duration SHUTDOWN = Duration.ofSeconds(5);

    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final HttpClient client;
    private final AtomicInteger active = new AtomicInteger();

    RawNettyFetch(int maxConnections) {
        pool = ConnectionProvider.builder("bench-netty")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)   // the closed loop never asks for more than maxConnections
                .pendingAcquireTimeout(Duration.ofSeconds(60))
                .build();
        loops = LoopResources.create("bench-netty", Runtime.getRuntime().availableProcessors(), true);
        client = HttpClient.create(pool).runOn(loops).responseTimeout(Duration.ofSeconds(30));
    }

    Mono<Outcome> fetch(Request request) {
        return client.get()
                .uri(request.url())
                .responseSingle((response, body) -> body.asByteArray()
                        .map(bytes -> response.status().code())
                        .defaultIfEmpty(response.status().code()))
                .map(status -> status == 200 ? Outcome.ok(request) : Outcome.failed(request, "status " + status))
                .onErrorResume(error -> Mono.just(Outcome.failed(request, String.valueOf(error))))
                .doOnSubscribe(subscription -> active.incrementAndGet())
                .doFinally(signal -> active.decrementAndGet());
    }

    int active() {
        return active.get();
    }

    @Override
    public void close() {
        pool.disposeLater().block(SHUTDOWN);
        loops.disposeLater(Duration.ZERO, SHUTDOWN).block(SHUTDOWN.multipliedBy(2));
    }
}
