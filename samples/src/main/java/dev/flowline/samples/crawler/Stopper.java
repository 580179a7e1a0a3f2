package dev.flowline.samples.crawler;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The crawl's stop signal, which also cuts short every wait before a retry, blocking or not. */
final class Stopper {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Sinks.Empty<Void> signal = Sinks.empty();

    void stop() {
        stopped.countDown();
        signal.tryEmitEmpty();
    }

    boolean stopped() {
        return stopped.getCount() == 0;
    }

    /** Completes with true after {@code wait}, or with false as soon as the crawl is stopped. */
    Mono<Boolean> sleep(Duration wait) {
        return Mono.firstWithSignal(Mono.delay(wait).thenReturn(true), signal.asMono().thenReturn(false));
    }

    /** Blocks for {@code wait}; false when the crawl was stopped first (or the thread interrupted). */
    boolean sleepBlocking(Duration wait) {
        try {
            return !stopped.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
