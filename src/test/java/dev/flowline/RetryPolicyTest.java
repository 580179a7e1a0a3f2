package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.StageReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Backoff bounds, and waits that an error asks for (Retry-After), in virtual time. */
class RetryPolicyTest {

    /** An error that says how long to wait before trying again, as a 503 with Retry-After does. */
    private static final class Busy extends RuntimeException {
        final Duration retryAfter;

        Busy(Duration retryAfter) {
            super("busy, retry after " + retryAfter);
            this.retryAfter = retryAfter;
        }
    }

    private static Optional<Duration> askedBy(Throwable error) {
        return error instanceof Busy busy ? Optional.of(busy.retryAfter) : Optional.empty();
    }

    @Test
    void backoffDoublesUpToItsCapAndJitterStaysWithinBounds() {
        RetryPolicy exact = RetryPolicy.backoff(10, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(1)).jitter(0);
        assertThat(IntStream.range(0, 6).mapToObj(exact::backoff).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
        assertThat(exact.backoff(Long.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));

        RetryPolicy jittered = RetryPolicy.backoff(10, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(1)).jitter(0.5);
        for (int i = 0; i < 1_000; i++) {
            assertThat(jittered.backoff(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(150));
            assertThat(jittered.backoff(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(600));
            assertThat(jittered.backoff(5)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    @Test
    void aRetryWaitsWhatTheErrorAsksInsteadOfTheBackoff() {
        List<Long> attemptTimes = new CopyOnWriteArrayList<>();
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>named("asked")
                .then(Stage.async("call", (Integer n) -> Mono.defer(() -> {
                    attemptTimes.add(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
                    return attemptTimes.size() == 1 ? Mono.<Integer>error(new Busy(Duration.ofSeconds(3)))
                            : attemptTimes.size() == 2 ? Mono.<Integer>error(new IllegalStateException("flaky"))
                            : Mono.just(n);
                })).retry(RetryPolicy.backoff(3, Duration.ofMillis(100)).jitter(0).waitAsked(RetryPolicyTest::askedBy)));
        Run<Integer>[] run = runHolder();

        StepVerifier.withVirtualTime(() -> (run[0] = pipeline.run(Flux.just(7))).output())
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(3_199))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(7)
                .verifyComplete();

        long first = attemptTimes.get(0);
        assertThat(attemptTimes).map(time -> time - first).containsExactly(0L, 3_000L, 3_200L);
        assertThat(run[0].report().stages().get(0).retried()).isEqualTo(2);
    }

    @Test
    void aWaitLongerThanTheMaxBackoffEndsTheRetries() {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>named("too-long")
                .then(Stage.async("call", (Integer n) -> Mono.<Integer>error(new Busy(Duration.ofMinutes(5))))
                        .retry(RetryPolicy.backoff(3, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(30))
                                .waitAsked(RetryPolicyTest::askedBy))
                        .onError(ErrorPolicy.SKIP));
        Run<Integer>[] run = runHolder();

        StepVerifier.withVirtualTime(() -> (run[0] = pipeline.run(Flux.just(1))).output())
                .verifyComplete();

        StageReport call = run[0].report().stages().get(0);
        assertThat(call.retried()).isZero();
        assertThat(call.skipped()).isEqualTo(1);
        assertThat(call.errors()).singleElement().asString().contains("busy, retry after PT5M");
    }

    @SuppressWarnings("unchecked")
    private static Run<Integer>[] runHolder() {
        return new Run[1];
    }
}
