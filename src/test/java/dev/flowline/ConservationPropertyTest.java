package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Randomized, seeded pipelines and fault mixes (the seed is in the test's name, so a failure replays exactly):
 * in every mode, every stage conserves its elements, no output appears twice, and every mode gives the same
 * outputs and the same counts of skipped and dead-lettered elements.
 */
class ConservationPropertyTest {
    private static final int ELEMENTS = 150;

    static Stream<Long> seeds() {
        return LongStream.range(1, 13).boxed();
    }

    /** A stage that fails the elements a seeded hash picks, in the way the seed picks (throw, error, empty, null). */
    private static Stage<Long, Long> randomStage(Random random, int index, long seed) {
        String name = "s" + index;
        int failPercent = random.nextInt(30);
        long salt = random.nextLong();
        boolean fails = random.nextBoolean();
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        java.util.function.LongPredicate faulty = n -> Math.floorMod(Long.hashCode(n * 31 + salt), 100) < failPercent;
        Stage<Long, Long> stage = switch (kind) {
            case CPU -> Stage.cpu(name, (Long n) -> {
                if (fails && faulty.test(n)) {
                    throw new IllegalStateException("cpu fault on " + n);
                }
                return n * 3 + 1;
            });
            case BLOCKING_IO -> Stage.blocking(name, (Long n) -> {
                if (fails && faulty.test(n)) {
                    throw new IllegalArgumentException("io fault on " + n);
                }
                return n * 3 + 1;
            });
            case ASYNC_IO -> Stage.async(name, (Long n) -> fails && faulty.test(n)
                    ? Mono.<Long>error(new IllegalStateException("async fault on " + n))
                    : Mono.delay(Duration.ofMillis(Math.floorMod(n, 3))).thenReturn(n * 3 + 1));
        };
        stage = stage.concurrency(1 + random.nextInt(16))
                .onError(random.nextBoolean() ? ErrorPolicy.SKIP : ErrorPolicy.DEAD_LETTER);
        if (random.nextInt(4) == 0) {
            stage = stage.retry(RetryPolicy.backoff(1, Duration.ofMillis(1)));
        }
        return random.nextBoolean() ? stage : stage.unordered();
    }

    private static Pipeline<Long, Long> randomPipeline(long seed) {
        Random random = new Random(seed);
        Pipeline<Long, Long> pipeline = Pipeline.<Long>named("random-" + seed);
        int stages = 1 + random.nextInt(4);
        for (int i = 0; i < stages; i++) {
            pipeline = pipeline.then(randomStage(random, i, seed));
            if (random.nextInt(5) == 0) {
                pipeline = pipeline.then(Stage.filter("keep" + i, (Long n) -> n % 7 != 0));
            }
        }
        return pipeline.threads(4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyModeConservesEveryElementAndAgreesWithTheOthers(long seed) {
        List<List<Long>> outputsByMode = new ArrayList<>();
        List<List<Long>> lossesByMode = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            ConcurrentLinkedQueue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
            Run<Long> run = randomPipeline(seed).mode(mode).deadLetters(deadLetters::add)
                    .run(Flux.range(0, ELEMENTS).map(Integer::longValue));
            List<Long> outputs = run.output().collectList().block();
            RunReport report = run.report();

            assertThat(report.state()).as("mode %s", mode).isEqualTo("COMPLETED");
            assertThat(report.conserved()).as("conservation in mode %s: %s", mode, report.toTable()).isTrue();
            Set<Long> distinct = new HashSet<>(outputs);
            assertThat(distinct).as("no output twice in mode %s", mode).hasSameSizeAs(outputs);
            assertThat(report.stages().get(0).in()).isEqualTo(ELEMENTS);
            assertThat(deadLetters).hasSize((int) report.stages().stream().mapToLong(StageReport::deadLettered).sum());
            outputsByMode.add(outputs.stream().sorted().toList());
            lossesByMode.add(report.stages().stream().flatMap(stage -> Stream.of(stage.skipped(), stage.deadLettered(),
                    stage.filtered())).toList());
        }
        assertThat(outputsByMode).as("outputs across modes").allSatisfy(outputs ->
                assertThat(outputs).isEqualTo(outputsByMode.get(0)));
        assertThat(lossesByMode).as("skipped, dead-lettered and filtered across modes").allSatisfy(losses ->
                assertThat(losses).isEqualTo(lossesByMode.get(0)));
    }
}
