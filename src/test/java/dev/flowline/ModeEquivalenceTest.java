package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ModeEquivalenceTest {

    /** Latency that varies per element, so that completion order differs from arrival order. */
    private static Mono<Integer> jittery(int n) {
        return Mono.delay(Duration.ofMillis((n * 7L) % 5)).thenReturn(n);
    }

    private static Pipeline<Integer, String> pipeline(boolean ordered) {
        Stage<Integer, Integer> fetch = Stage.async("fetch", ModeEquivalenceTest::jittery).concurrency(16);
        Stage<Integer, Integer> square = Stage.cpu("square", (Integer n) -> n * n);
        Stage<Integer, String> label = Stage.blocking("label", (Integer n) -> "#" + n).concurrency(8);
        return Pipeline.<Integer>named("equivalence")
                .then(ordered ? fetch : fetch.unordered())
                .then(Stage.filter("even", (Integer n) -> n % 2 == 0))
                .then(ordered ? square : square.unordered())
                .then(ordered ? label : label.unordered())
                .threads(4);
    }

    private static List<String> expected() {
        return Flux.range(0, 200).filter(n -> n % 2 == 0).map(n -> "#" + (n * n)).collectList().block();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void orderedStagesGiveTheSameOutputsInTheSameOrderInEveryMode(Mode mode) {
        List<String> outputs = pipeline(true).mode(mode).run(Flux.range(0, 200)).output().collectList().block();

        assertThat(outputs).containsExactlyElementsOf(expected());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void unorderedStagesGiveTheSameMultisetInEveryMode(Mode mode) {
        Run<String> run = pipeline(false).mode(mode).run(Flux.range(0, 200));
        List<String> outputs = run.output().collectList().block();

        assertThat(outputs).containsExactlyInAnyOrderElementsOf(expected());
        assertThat(run.report().conserved()).isTrue();
        assertThat(run.report().stages().get(1).filtered()).isEqualTo(100);
    }

    @Test
    void serialModeTakesOneElementAtATimeThroughEveryStage() {
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>named("serial")
                .then(Stage.async("wait", ModeEquivalenceTest::jittery).concurrency(64))
                .then(Stage.blocking("hold", (Integer n) -> n).concurrency(64))
                .mode(Mode.SERIAL);

        Run<Integer> run = pipeline.run(Flux.range(0, 50));
        run.await();

        assertThat(run.report().stages()).allSatisfy(stage -> {
            assertThat(stage.peakInFlight()).isEqualTo(1);
            assertThat(stage.concurrency()).isEqualTo(1);
        });
    }

    @Test
    void aRunCanBeSubscribedOnlyOnce() {
        Run<String> run = pipeline(true).run(Flux.range(0, 4));
        run.await();

        assertThat(run.output().collectList().onErrorResume(e -> Mono.just(List.of(e.getMessage()))).block())
                .singleElement().asString().contains("only once");
    }
}
