package dev.flowline.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowline.DeadLetter;
import dev.flowline.ErrorPolicy;
import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Run;
import dev.flowline.Stage;
import dev.flowline.StageException;
import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every way a stage can misbehave (throw, return null, return a null publisher, emit an error, hang past its
 * timeout), under every error policy and every mode, on CPU, blocking and async stages: the run goes on (or, under
 * FAIL, fails naming stage and element), each faulty element ends in exactly one typed outcome, and every stage
 * conserves its elements. Also: a dead-letter sink that fails, a source that errors with elements in flight, and
 * cancellation mid-flight, in every mode (the core tests check these in one mode only).
 */
class PipelineFaultsTest {
    private static final int ELEMENTS = 40;
    /** Elements 7, 17, 27, 37 misbehave; the others pass. */
    private static final Set<Integer> FAULTY = Set.of(7, 17, 27, 37);
    /**
     * What ends a hung element. Only the cases that hang have a timeout, so that no other case can time out a healthy
     * element on a loaded machine; long enough that a machine under load 10 does not either, short enough to keep the
     * suite quick.
     */
    private static final Duration HANG_TIMEOUT = Duration.ofSeconds(1);

    /** Hung blocking calls wait on this; released after each test so no thread stays parked. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungCalls() {
        release.countDown();
    }

    /** How a faulty element misbehaves, and the error type a dead-letter sink then receives. */
    enum Misbehaviour {
        THROWS(IllegalStateException.class),
        RETURNS_NULL(NullPointerException.class),
        NULL_PUBLISHER(NullPointerException.class),
        EMITS_ERROR(IllegalStateException.class),
        HANGS(TimeoutException.class);

        final Class<? extends Throwable> error;

        Misbehaviour(Class<? extends Throwable> error) {
            this.error = error;
        }
    }

    /** A stage of the given kind where {@link #FAULTY} elements misbehave as asked. */
    private Stage<Integer, Integer> misbehaving(String kind, Misbehaviour misbehaviour) {
        return switch (kind) {
            case "cpu" -> Stage.cpu("work", (Integer n) -> synchronous(n, misbehaviour, false));
            case "blocking" -> Stage.blocking("work", (Integer n) -> synchronous(n, misbehaviour, true));
            default -> Stage.async("work", (Integer n) -> asynchronous(n, misbehaviour));
        };
    }

    private Integer synchronous(int n, Misbehaviour misbehaviour, boolean mayBlock) {
        if (!FAULTY.contains(n)) {
            return n;
        }
        return switch (misbehaviour) {
            case THROWS, EMITS_ERROR, NULL_PUBLISHER -> throw new IllegalStateException("fault on " + n);
            case RETURNS_NULL -> null;
            case HANGS -> {
                if (!mayBlock) {
                    throw new IllegalStateException("fault on " + n); // a CPU stage must not block: not a case
                }
                awaitRelease();
                yield n;
            }
        };
    }

    private static Mono<Integer> asynchronous(int n, Misbehaviour misbehaviour) {
        if (!FAULTY.contains(n)) {
            return Mono.just(n);
        }
        return switch (misbehaviour) {
            case THROWS -> throw new IllegalStateException("fault on " + n);
            case RETURNS_NULL, NULL_PUBLISHER -> null;
            case EMITS_ERROR -> Mono.error(new IllegalStateException("fault on " + n));
            case HANGS -> Mono.never();
        };
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException cancelled) {
            Thread.currentThread().interrupt(); // the run gave up on this element: fine
        }
    }

    /**
     * Every mode x kind x misbehaviour that makes sense (CPU stages are not allowed to hang). An async stage that
     * hangs where it is awaited (THREADS, SERIAL) once failed with {@code IllegalStateException: Timeout on blocking
     * read} instead of a counted timeout, when the wait's own timeout won its race with the stage's.
     */
    static Stream<Arguments> cases() {
        return Stream.of(Mode.values()).flatMap(mode -> Stream.of("cpu", "blocking", "async").flatMap(kind ->
                Stream.of(Misbehaviour.values())
                        .filter(misbehaviour -> !(kind.equals("cpu") && misbehaviour == Misbehaviour.HANGS))
                        .filter(misbehaviour -> kind.equals("async") || misbehaviour != Misbehaviour.NULL_PUBLISHER)
                        .map(misbehaviour -> Arguments.of(mode, kind, misbehaviour))));
    }


    private Pipeline<Integer, Integer> pipeline(Mode mode, String kind, Misbehaviour misbehaviour, ErrorPolicy policy,
                                                ConcurrentLinkedQueue<DeadLetter> deadLetters) {
        return Pipeline.<Integer>named("faults")
                .then(hangsEndedByTimeout(misbehaving(kind, misbehaviour), misbehaviour).concurrency(8).onError(policy))
                .then(Stage.cpu("after", (Integer n) -> n))
                .deadLetters(deadLetters::add)
                .threads(16).mode(mode);
    }

    private static Stage<Integer, Integer> hangsEndedByTimeout(Stage<Integer, Integer> stage, Misbehaviour misbehaviour) {
        return misbehaviour == Misbehaviour.HANGS ? stage.timeout(HANG_TIMEOUT) : stage;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void skipCountsEachFaultyElementOnceAndTheRunGoesOn(Mode mode, String kind, Misbehaviour misbehaviour) {
        Run<Integer> run = pipeline(mode, kind, misbehaviour, ErrorPolicy.SKIP, new ConcurrentLinkedQueue<>())
                .run(Flux.range(0, ELEMENTS));

        List<Integer> outputs = run.output().collectList().block(Duration.ofSeconds(30));
        RunReport report = run.report();
        StageReport work = report.stages().get(0);
        assertThat(outputs).hasSize(ELEMENTS - FAULTY.size()).doesNotContainAnyElementsOf(FAULTY);
        assertThat(report.state()).isEqualTo("COMPLETED");
        assertThat(work.skipped()).isEqualTo(FAULTY.size());
        assertThat(work.errors()).hasSize(FAULTY.size())
                .allSatisfy(error -> assertThat(error).contains(misbehaviour.error.getSimpleName()));
        assertThat(report.conserved()).as(report.toTable()).isTrue();
        assertThat(work.inFlight()).isZero();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void deadLetterHandsOverEachFaultyElementWithATypedError(Mode mode, String kind, Misbehaviour misbehaviour) {
        ConcurrentLinkedQueue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
        RunReport report = pipeline(mode, kind, misbehaviour, ErrorPolicy.DEAD_LETTER, deadLetters)
                .run(Flux.range(0, ELEMENTS)).await();

        assertThat(deadLetters).extracting(DeadLetter::element).containsExactlyInAnyOrderElementsOf(FAULTY);
        assertThat(deadLetters).allSatisfy(letter -> {
            assertThat(letter.stage()).isEqualTo("work");
            assertThat(letter.error()).isInstanceOf(misbehaviour.error);
        });
        assertThat(report.stages().get(0).deadLettered()).isEqualTo(FAULTY.size());
        assertThat(report.outputs()).isEqualTo(ELEMENTS - FAULTY.size());
        assertThat(report.conserved()).as(report.toTable()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void failStopsTheRunNamingStageAndElementAndStillAccountsForEveryElement(Mode mode, String kind,
                                                                             Misbehaviour misbehaviour) {
        Run<Integer> run = pipeline(mode, kind, misbehaviour, ErrorPolicy.FAIL, new ConcurrentLinkedQueue<>())
                .run(Flux.range(0, ELEMENTS));

        assertThatThrownBy(run::await).isInstanceOf(StageException.class)
                .hasMessageContaining("stage 'work' failed on '")
                .hasMessageContaining(misbehaviour.error.getSimpleName());
        RunReport report = run.report();
        StageReport work = report.stages().get(0);
        assertThat(report.state()).isEqualTo("FAILED");
        assertThat(work.failed()).isBetween(1L, (long) FAULTY.size());
        assertThat(work.inFlight()).isZero();
        assertThat(report.conserved()).as(report.toTable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aDeadLetterSinkThatFailsForSomeElementsSkipsExactlyThose(Mode mode) {
        ConcurrentLinkedQueue<DeadLetter> accepted = new ConcurrentLinkedQueue<>();
        RunReport report = Pipeline.<Integer>named("sink")
                .then(Stage.blocking("work", (Integer n) -> synchronous(n, Misbehaviour.THROWS, true))
                        .onError(ErrorPolicy.DEAD_LETTER))
                .deadLetters(letter -> {
                    if ((Integer) letter.element() > 20) {
                        throw new IllegalStateException("dead-letter store is down");
                    }
                    accepted.add(letter);
                })
                .threads(4).mode(mode)
                .run(Flux.range(0, ELEMENTS)).await();

        StageReport work = report.stages().get(0);
        assertThat(accepted).extracting(DeadLetter::element).containsExactlyInAnyOrder(7, 17);
        assertThat(work.deadLettered()).isEqualTo(2);
        assertThat(work.skipped()).isEqualTo(2);
        assertThat(work.errors()).filteredOn(error -> error.contains("dead-letter store is down")).hasSize(2);
        assertThat(report.state()).isEqualTo("COMPLETED");
        assertThat(report.conserved()).isTrue();
    }

    /** Not SERIAL: there one hung element, with no timeout, stalls the run by design before the source can fail. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = "SERIAL", mode = EnumSource.Mode.EXCLUDE)
    void aSourceThatErrorsWhileElementsHangCancelsThemAndCountsThem(Mode mode) {
        Run<Integer> run = Pipeline.<Integer>named("source-breaks")
                .then(Stage.async("wait", (Integer n) -> n < 3 ? Mono.just(n) : Mono.<Integer>never()).concurrency(8))
                .threads(4).mode(mode)
                .run(Flux.range(0, 6).concatWith(Mono.error(new IllegalStateException("source broke"))));

        assertThatThrownBy(run::await).hasMessageContaining("source broke");
        RunReport report = run.report();
        assertThat(report.state()).isEqualTo("FAILED");
        assertThat(report.conserved()).as(report.toTable()).isTrue();
        assertThat(report.stages().get(0).inFlight()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void disposingARunMidFlightCancelsHungBlockingCallsAndCountsThem(Mode mode) throws InterruptedException {
        CountDownLatch firstOutputs = new CountDownLatch(3);
        Run<Integer> run = Pipeline.<Integer>named("dispose")
                .then(Stage.blocking("work", (Integer n) -> {
                    if (n >= 3) {
                        awaitRelease();
                    }
                    return n;
                }).concurrency(4).unordered())
                .threads(8).mode(mode)
                .run(Flux.range(0, 1_000));

        var subscription = run.output().subscribe(output -> firstOutputs.countDown());
        assertThat(firstOutputs.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        subscription.dispose();

        // A cancel reaches elements being drained on another thread a moment later: wait (bounded) for them.
        for (int wait = 0; wait < 1_000 && run.report().stages().get(0).inFlight() > 0; wait++) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        RunReport report = run.report();
        StageReport work = report.stages().get(0);
        assertThat(report.state()).isEqualTo("CANCELLED");
        assertThat(work.out()).isGreaterThanOrEqualTo(3);
        assertThat(work.in()).isEqualTo(work.out() + work.cancelled()); // nothing failed or was lost
        assertThat(work.inFlight()).isZero();
        assertThat(report.conserved()).as(report.toTable()).isTrue();
    }
}
