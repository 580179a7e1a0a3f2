package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ConservationTest {

    /** Fails every element divisible by 5: 20 of 100. */
    private static int failOnMultiplesOfFive(int n) {
        if (n % 5 == 0) {
            throw new IllegalStateException("bad element " + n);
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void skippedElementsAreCountedAndRecorded(Mode mode) {
        RunReport report = Pipeline.<Integer>named("skip")
                .then(Stage.cpu("check", ConservationTest::failOnMultiplesOfFive).onError(ErrorPolicy.SKIP))
                .then(Stage.blocking("keep", (Integer n) -> n))
                .threads(4).mode(mode)
                .run(Flux.range(0, 100)).await();

        StageReport check = report.stages().get(0);
        assertThat(check.in()).isEqualTo(100);
        assertThat(check.out()).isEqualTo(80);
        assertThat(check.skipped()).isEqualTo(20);
        assertThat(check.errors()).hasSize(11).last().asString().isEqualTo("... and 10 more");
        assertThat(check.errors().get(0)).contains("IllegalStateException: bad element");
        assertThat(report.outputs()).isEqualTo(80);
        assertThat(report.conserved()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void deadLettersReceiveEveryFailedElementWithItsError(Mode mode) {
        List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
        RunReport report = Pipeline.<Integer>named("dead")
                .then(Stage.async("check", (Integer n) -> Mono.fromCallable(() -> failOnMultiplesOfFive(n)))
                        .onError(ErrorPolicy.DEAD_LETTER))
                .deadLetters(deadLetters::add)
                .threads(4).mode(mode)
                .run(Flux.range(0, 100)).await();

        assertThat(deadLetters).extracting(DeadLetter::element)
                .containsExactlyInAnyOrder(0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95);
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(letter.stage()).isEqualTo("check");
            assertThat(letter.pipeline()).isEqualTo("dead");
            assertThat(letter.error()).hasMessageStartingWith("bad element");
        });
        assertThat(report.stages().get(0).deadLettered()).isEqualTo(20);
        assertThat(report.conserved()).isTrue();
    }

    @Test
    void aFailingDeadLetterSinkCountsTheElementAsSkippedAndTheRunGoesOn() {
        RunReport report = Pipeline.<Integer>named("sink-fails")
                .then(Stage.cpu("check", ConservationTest::failOnMultiplesOfFive).onError(ErrorPolicy.DEAD_LETTER))
                .deadLetters(letter -> {
                    throw new IllegalStateException("disk full");
                })
                .run(Flux.range(0, 10)).await();

        StageReport check = report.stages().get(0);
        assertThat(check.out()).isEqualTo(8);
        assertThat(check.skipped()).isEqualTo(2);
        assertThat(check.deadLettered()).isZero();
        assertThat(check.errors()).allSatisfy(error -> assertThat(error).contains("dead-letter sink failed too")
                .contains("disk full"));
        assertThat(report.state()).isEqualTo("COMPLETED");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aFailurePolicyFailsTheRunNamingStageAndElementAndCountsEveryElement(Mode mode) {
        Run<Integer> run = Pipeline.<Integer>named("fail")
                .then(Stage.blocking("check", (Integer n) -> {
                    if (n == 37) {
                        throw new IllegalArgumentException("no 37s");
                    }
                    return n;
                }).concurrency(4))
                .threads(4).mode(mode)
                .run(Flux.range(0, 100));

        assertThatThrownBy(run::await)
                .isInstanceOf(StageException.class)
                .hasMessage("pipeline 'fail', stage 'check' failed on '37': IllegalArgumentException: no 37s");
        RunReport report = run.report();
        StageReport check = report.stages().get(0);
        assertThat(report.state()).isEqualTo("FAILED");
        assertThat(report.failure()).get().asString().contains("no 37s");
        assertThat(check.failed()).isEqualTo(1);
        assertThat(check.inFlight()).isZero();
        assertThat(check.conserved()).isTrue();
    }

    @Test
    void nullFromAFunctionIsAnErrorThatNamesTheStage() {
        Run<Integer> run = Pipeline.<Integer>named("nulls")
                .then(Stage.cpu("maybe", (Integer n) -> n == 3 ? null : n))
                .run(Flux.range(0, 5));

        assertThatThrownBy(run::await).hasMessageContaining("stage 'maybe' failed on '3'")
                .hasMessageContaining("returned null");
    }

    @Test
    void aSourceThatErrorsFailsTheRunAfterCountingWhatCameBefore() {
        Run<Integer> run = Pipeline.<Integer>named("source")
                .then(Stage.cpu("pass", (Integer n) -> n))
                .run(Flux.range(0, 3).concatWith(Flux.error(new IllegalStateException("source broke"))));

        assertThatThrownBy(run::await).hasMessage("source broke");
        RunReport report = run.report();
        assertThat(report.sourceElements()).isEqualTo(3);
        assertThat(report.state()).isEqualTo("FAILED");
        assertThat(report.conserved()).isTrue();
    }

    @Test
    void anEmptyAsyncResultCountsAsFiltered() {
        RunReport report = Pipeline.<Integer>named("empty")
                .then(Stage.async("lookup", (Integer n) -> n % 2 == 0 ? Mono.just(n) : Mono.<Integer>empty()))
                .run(Flux.range(0, 10)).await();

        assertThat(report.stages().get(0).filtered()).isEqualTo(5);
        assertThat(report.outputs()).isEqualTo(5);
    }
}
