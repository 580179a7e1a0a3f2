package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.RunReport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class PinningTest {

    /** Blocks in its class initializer: a virtual thread that waits there stays pinned to its carrier. */
    static final class SlowToInitialize {
        static final long LOADED_AT;

        static {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOADED_AT = System.nanoTime();
        }

        private SlowToInitialize() {}
    }

    @Test
    void pinsAreChargedToTheStageWhoseVirtualThreadWasPinned() {
        RunReport report = Pipeline.<Integer>named("pinning")
                .then(Stage.blocking("init", (Integer n) -> SlowToInitialize.LOADED_AT > 0 ? n : -n))
                .then(Stage.blocking("plain", (Integer n) -> n))
                .mode(Mode.VIRTUAL)
                .reportPinning()
                .run(Flux.range(0, 4)).await();

        assertThat(report.stages().get(0).pinned()).isPositive();
        assertThat(report.stages().get(0).pinnedTime().toMillis()).isPositive();
        assertThat(report.stages().get(1).pinned()).isZero();
        assertThat(report.toTable()).contains("pinned: stage 'init' blocked");
    }
}
