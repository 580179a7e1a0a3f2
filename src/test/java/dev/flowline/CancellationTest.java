package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CancellationTest {

    @Test
    void cancellingARunStopsTheSourceAndReleasesEveryElementInFlight() {
        AtomicBoolean sourceCancelled = new AtomicBoolean();
        AtomicInteger releasedInFlight = new AtomicInteger();
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>named("cancel")
                .then(Stage.async("wait", (Integer n) -> n < 3 ? Mono.just(n)
                        : Mono.<Integer>never().doOnCancel(releasedInFlight::incrementAndGet)).concurrency(10).unordered());
        Run<Integer>[] run = new Run[1];

        StepVerifier.withVirtualTime(() -> (run[0] = pipeline.run(
                        Flux.range(0, 1_000_000).doOnCancel(() -> sourceCancelled.set(true)))).output())
                .expectNext(0, 1, 2)
                .thenAwait(Duration.ofSeconds(1))
                .thenCancel()
                .verify();

        RunReport report = run[0].report();
        StageReport wait = report.stages().get(0);
        assertThat(sourceCancelled).isTrue();
        assertThat(releasedInFlight).hasValue(10);
        assertThat(report.state()).isEqualTo("CANCELLED");
        assertThat(report.sourceElements()).isEqualTo(13);
        assertThat(wait.in()).isEqualTo(13);
        assertThat(wait.out()).isEqualTo(3);
        assertThat(wait.cancelled()).isEqualTo(10);
        assertThat(wait.inFlight()).isZero();
        assertThat(wait.peakInFlight()).isEqualTo(10);
        assertThat(report.conserved()).isTrue();
    }

    @Test
    void aSubscriberThatTakesAFewOutputsCancelsTheRest() {
        Run<Integer> run = Pipeline.<Integer>named("take")
                .then(Stage.blocking("pass", (Integer n) -> n).concurrency(4))
                .run(Flux.range(0, 10_000));

        assertThat(run.output().take(5).collectList().block()).containsExactly(0, 1, 2, 3, 4);
        RunReport report = run.report();
        assertThat(report.state()).isEqualTo("CANCELLED");
        assertThat(report.sourceElements()).isLessThan(100);
        assertThat(report.stages().get(0).conserved()).isTrue();
    }
}
