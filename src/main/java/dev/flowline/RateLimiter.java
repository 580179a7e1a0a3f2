package dev.flowline;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Spaces the elements entering a stage evenly, {@code 1 / rate} apart, waiting on the run's timer (so that virtual
 * time drives it in tests). Called serially, one element at a time, by {@code concatMap}.
 */
final class RateLimiter {
    private final long intervalNanos;
    private final Scheduler timer;
    private long nextSlotNanos = Long.MIN_VALUE;

    RateLimiter(double perSecond, Scheduler timer) {
        this.intervalNanos = Math.max(1, Math.round(1e9 / perSecond));
        this.timer = timer;
    }

    /** Emits {@code element} when its slot comes. */
    <T> Mono<T> admit(T element) {
        long now = timer.now(TimeUnit.NANOSECONDS);
        if (nextSlotNanos <= now) {
            nextSlotNanos = now + intervalNanos;
            return Mono.just(element);
        }
        long wait = nextSlotNanos - now;
        nextSlotNanos += intervalNanos;
        return Mono.delay(Duration.ofNanos(wait), timer).thenReturn(element);
    }
}
