package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs in a JVM of its own (a separate Surefire execution), since the guard instruments the whole JVM for good.
 */
class BlockingGuardTest {

    @BeforeAll
    static void installGuard() {
        BlockingGuard.install();
        assertThat(BlockingGuard.installed()).isTrue();
    }

    private static int sleepy(int n) {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aBlockingCallInACpuStageIsReportedNamingTheStageAndTheCall(Mode mode) {
        RunReport report = Pipeline.<Integer>named("guarded")
                .then(Stage.cpu("parse", BlockingGuardTest::sleepy).onError(ErrorPolicy.SKIP))
                .threads(2).mode(mode)
                .run(Flux.range(0, 5)).await();

        StageReport parse = report.stages().get(0);
        assertThat(parse.skipped()).isEqualTo(5);
        assertThat(parse.errors()).allSatisfy(error -> assertThat(error)
                .contains("BlockingCallError: blocking call java.lang.Thread.sleep")
                .contains("in stage 'parse'")
                .contains("declare it BLOCKING_IO"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aBlockingCallInAnAsyncStageIsReported(Mode mode) {
        RunReport report = Pipeline.<Integer>named("guarded")
                .then(Stage.async("fetch", (Integer n) -> Mono.just(sleepy(n))).onError(ErrorPolicy.SKIP))
                .threads(2).mode(mode)
                .run(Flux.range(0, 3)).await();

        assertThat(report.stages().get(0).errors()).hasSize(3)
                .allSatisfy(error -> assertThat(error).contains("in stage 'fetch'"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aBlockingIoStageMayBlock(Mode mode) {
        RunReport report = Pipeline.<Integer>named("guarded")
                .then(Stage.blocking("store", (Integer n) -> {
                    LockSupport.parkNanos(1_000);
                    return sleepy(n);
                }))
                .threads(2).mode(mode)
                .run(Flux.range(0, 5)).await();

        assertThat(report.outputs()).isEqualTo(5);
        assertThat(report.stages().get(0).errors()).isEmpty();
    }
}
