package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.StageReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Retries, backoff, timeouts, rate limits and batching, checked exactly in virtual time: no test sleeps. */
class VirtualTimeTest {

    @Test
    void retriesWithExactExponentialBackoffThenSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        List<Long> attemptTimes = new ArrayList<>();
        Pipeline<String, String> pipeline = Pipeline.<String>named("retry")
                .then(Stage.async("flaky", (String s) -> Mono.defer(() -> {
                    attemptTimes.add(Schedulers.parallel().now(java.util.concurrent.TimeUnit.MILLISECONDS));
                    return attempts.incrementAndGet() < 4 ? Mono.error(new IllegalStateException("try again"))
                            : Mono.just(s + "!");
                })).retry(RetryPolicy.backoff(3, Duration.ofMillis(100)).jitter(0)));
        Run<String>[] run = runHolder();

        StepVerifier.withVirtualTime(() -> (run[0] = pipeline.run(Flux.just("x"))).output())
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(699))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("x!")
                .verifyComplete();

        long first = attemptTimes.get(0);
        assertThat(attemptTimes).map(time -> time - first).containsExactly(0L, 100L, 300L, 700L);
        StageReport flaky = run[0].report().stages().get(0);
        assertThat(flaky.retried()).isEqualTo(3);
        assertThat(flaky.out()).isEqualTo(1);
    }

    @Test
    void retriesOnlyWhatThePredicateAcceptsAndGivesUpAfterMaxRetries() {
        AtomicInteger attempts = new AtomicInteger();
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>named("predicate")
                .then(Stage.async("call", (Integer n) -> Mono.<Integer>defer(() -> {
                    attempts.incrementAndGet();
                    return Mono.error(n == 0 ? new IllegalStateException("transient") : new IllegalArgumentException("final"));
                })).retry(RetryPolicy.backoff(2, Duration.ofSeconds(1)).jitter(0)
                        .retryOn(IllegalStateException.class::isInstance))
                        .onError(ErrorPolicy.SKIP));
        Run<Integer>[] run = runHolder();

        StepVerifier.withVirtualTime(() -> (run[0] = pipeline.run(Flux.just(0, 1))).output())
                .thenAwait(Duration.ofSeconds(10))
                .verifyComplete();

        assertThat(attempts).hasValue(3 + 1);
        StageReport call = run[0].report().stages().get(0);
        assertThat(call.retried()).isEqualTo(2);
        assertThat(call.skipped()).isEqualTo(2);
        assertThat(call.conserved()).isTrue();
    }

    @Test
    void aHangingElementTimesOutAndIsRetriedAsOftenAsDeclared() {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>named("timeout")
                .then(Stage.async("hang", (Integer n) -> n == 2 ? Mono.<Integer>never() : Mono.just(n))
                        .timeout(Duration.ofSeconds(5))
                        .retry(RetryPolicy.backoff(1, Duration.ofSeconds(1)).jitter(0))
                        .onError(ErrorPolicy.SKIP));
        Run<Integer>[] run = runHolder();

        StepVerifier.withVirtualTime(() -> (run[0] = pipeline.run(Flux.range(0, 4))).output())
                .expectNext(0, 1)
                .expectNoEvent(Duration.ofMillis(10_999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(3)
                .verifyComplete();

        StageReport hang = run[0].report().stages().get(0);
        assertThat(hang.timedOut()).isEqualTo(2);
        assertThat(hang.retried()).isEqualTo(1);
        assertThat(hang.skipped()).isEqualTo(1);
        assertThat(hang.errors()).singleElement().asString().contains(TimeoutException.class.getSimpleName());
    }

    @Test
    void aRateLimitSpacesElementsEvenly() {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>named("rate")
                .then(Stage.cpu("limited", (Integer n) -> n).rateLimit(4));

        StepVerifier.withVirtualTime(() -> pipeline.run(Flux.range(0, 5)).output())
                .expectNext(0)
                .expectNoEvent(Duration.ofMillis(249))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(1)
                .expectNoEvent(Duration.ofMillis(249))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(2)
                .thenAwait(Duration.ofMillis(500))
                .expectNext(3, 4)
                .verifyComplete();
    }

    @Test
    void batchesFillUpOrLeaveWhenTheirWaitIsOver() {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>named("batches")
                .batch("group", 3, Duration.ofSeconds(1))
                .then(Stage.blocking("sum", (List<Integer> batch) -> batch.stream().mapToInt(Integer::intValue).sum()));
        Run<Integer>[] run = runHolder();

        StepVerifier.withVirtualTime(() -> (run[0] = pipeline.run(
                        Flux.range(1, 4).concatWith(Flux.just(10).delaySubscription(Duration.ofSeconds(5))))).output())
                .expectNext(1 + 2 + 3)
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(4)
                .thenAwait(Duration.ofSeconds(5))
                .expectNext(10)
                .verifyComplete();

        StageReport group = run[0].report().stages().get(0);
        assertThat(group.in()).isEqualTo(5);
        assertThat(group.out()).isEqualTo(5);
        assertThat(group.conserved()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static <T> Run<T>[] runHolder() {
        return new Run[1];
    }
}
