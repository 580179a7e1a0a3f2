package dev.flowline.benchmarks;

import reactor.core.publisher.Flux;

/**
 * One way of running the same fetches: what the fetch benchmark compares. The closed loop hands it an endless
 * stream of requests and a concurrency; the driver decides where each fetch runs.
 */
interface Driver extends AutoCloseable {

    /**
     * Fetches the requests, at most {@code concurrency} at once, emitting one outcome per request. Whatever the
     * driver creates for this call (a thread pool, say) is released when the returned flux ends or is cancelled.
     */
    Flux<Outcome> drive(Flux<Request> requests, int concurrency);

    /**
     * Fetches started and not yet finished, and pools of ended drives whose threads are still exiting: zero once a
     * cancelled drive has quiesced.
     */
    int active();

    @Override
    void close();
}
