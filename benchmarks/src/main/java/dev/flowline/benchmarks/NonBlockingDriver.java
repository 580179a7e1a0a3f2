package dev.flowline.benchmarks;

import dev.flowline.Pipeline;
import dev.flowline.Stage;
import reactor.core.publisher.Flux;

/**
 * The raw Reactor Netty fetch, either in a hand-written {@code flatMap} or as a Flowline {@code Stage.async} in
 * REACTIVE mode with the same concurrency: the difference between the two is what Flowline itself costs.
 */
final class NonBlockingDriver implements Driver {
    private final RawNettyFetch fetch;
    private final boolean throughFlowline;

    NonBlockingDriver(int maxConcurrency, boolean throughFlowline) {
        this.fetch = new RawNettyFetch(maxConcurrency);
        this.throughFlowline = throughFlowline;
    }

    @Override
    public Flux<Outcome> drive(Flux<Request> requests, int concurrency) {
        if (!throughFlowline) {
            return requests.flatMap(fetch::fetch, concurrency);
        }
        // Unordered, like flatMap: an ordered stage would hold finished fetches behind slower ones.
        return Pipeline.<Request>named("fetch-benchmark")
                .then(Stage.async("fetch", fetch::fetch).concurrency(concurrency).unordered())
                .run(requests)
                .output();
    }

    @Override
    public int active() {
        return fetch.active();
    }

    @Override
    public void close() {
        fetch.close();
    }
}
