package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.RunReport;
import dev.flowline.scheduling.ThreadKind;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

class ThreadPlacementTest {
    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    static Stream<Arguments> expectations() {
        return Stream.of(
                Arguments.of(Mode.REACTIVE, ThreadKind.EVENT_LOOP, ThreadKind.PARALLEL, ThreadKind.BOUNDED_ELASTIC),
                Arguments.of(Mode.VIRTUAL, ThreadKind.EVENT_LOOP, ThreadKind.PARALLEL, ThreadKind.VIRTUAL),
                Arguments.of(Mode.THREADS, ThreadKind.PLATFORM_POOL, ThreadKind.PLATFORM_POOL, ThreadKind.PLATFORM_POOL),
                Arguments.of(Mode.SERIAL, ThreadKind.PLATFORM_POOL, ThreadKind.PLATFORM_POOL, ThreadKind.PLATFORM_POOL));
    }

    @ParameterizedTest
    @MethodSource("expectations")
    void eachKindRunsOnTheThreadItsModeCallsFor(Mode mode, ThreadKind async, ThreadKind cpu, ThreadKind blocking) {
        Pipeline<Integer, String> pipeline = Pipeline.<Integer>named("placement")
                .then(Stage.async("fetch", server::echo).concurrency(8))
                .then(Stage.cpu("parse", (String text) -> Integer.parseInt(text) * 2))
                .then(Stage.blocking("store", (Integer value) -> "stored " + value))
                .threads(4)
                .mode(mode);

        RunReport report = pipeline.run(Flux.range(0, 20)).await();

        assertThat(report.state()).isEqualTo("COMPLETED");
        assertThat(report.outputs()).isEqualTo(20);
        assertThat(report.stages().get(0).threads()).isEqualTo(Map.of(async, 20L));
        assertThat(report.stages().get(1).threads()).isEqualTo(Map.of(cpu, 20L));
        assertThat(report.stages().get(2).threads()).isEqualTo(Map.of(blocking, 20L));
    }
}
