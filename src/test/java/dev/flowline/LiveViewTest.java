package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.RunReport;
import dev.flowline.scheduling.ThreadKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class LiveViewTest {

    private static Run<Integer> run() {
        return Pipeline.<Integer>named("live")
                .then(Stage.cpu("parse", (Integer n) -> n))
                .then(Stage.blocking("store", (Integer n) -> n).concurrency(4))
                .run(Flux.range(0, 100));
    }

    @Test
    void aFrameHasALinePerStageAndTheThreadsByKind() {
        Run<Integer> run = run();
        RunReport report = run.await();

        String frame = LiveView.render(report, null, Map.of(ThreadKind.PARALLEL, 2, ThreadKind.EVENT_LOOP, 4));

        assertThat(frame.lines()).hasSize(4);
        assertThat(frame).startsWith("live [REACTIVE] COMPLETED  100 in, 100 out")
                .containsPattern("parse\\s+CPU\\s+parallel\\s+in flight\\s+0 \\(running\\s+0\\)\\s+done\\s+100")
                .containsPattern("store\\s+BLOCKING_IO\\s+boundedElastic")
                .contains("platform threads: ");
    }

    @Test
    void theViewDrawsOnTheGivenStreamAndLeavesTheLastFrame() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Run<Integer> run = run();
        try (LiveView view = LiveView.show(run, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Duration.ofMillis(50))) {
            run.await();
        }

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("live [REACTIVE] COMPLETED  100 in, 100 out");
    }

    @Test
    void theThreadCensusSeesThisThread() {
        assertThat(LiveView.platformThreadsByKind().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    }
}
