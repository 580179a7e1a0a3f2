package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.RunReport;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class ReportTest {

    private static RunReport run(Mode mode) {
        return Pipeline.<Integer>named("report")
                .then(Stage.cpu("double", (Integer n) -> n * 2))
                .then(Stage.blocking("quote", (Integer n) -> "\"" + n + "\"\n").onError(ErrorPolicy.SKIP))
                .mode(mode)
                .run(Flux.range(0, 50)).await();
    }

    @Test
    void theTableShowsEveryStageAndTheRun() {
        String table = run(Mode.REACTIVE).toTable();

        assertThat(table).startsWith("pipeline 'report', mode REACTIVE: COMPLETED in ")
                .contains("50 in, 50 out")
                .containsPattern("double\\s+CPU\\s+parallel\\s+\\d+\\s+50\\s+50")
                .containsPattern("quote\\s+BLOCKING_IO\\s+boundedElastic\\s+32\\s+50\\s+50")
                .contains("bounded-elastic 50");
    }

    @Test
    void theJsonHasEveryFigureAndEscapesStrings() {
        String json = run(Mode.VIRTUAL).toJson();

        assertThat(json).startsWith("{\"pipeline\":\"report\",\"mode\":\"VIRTUAL\",\"state\":\"COMPLETED\"")
                .contains("\"outputs\":50", "\"conserved\":true", "\"threads\":{\"virtual\":50}",
                        "\"placement\":\"virtual thread per element\"", "\"latencyMs\":{\"count\":50");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void sideBySidePutsOneRunPerColumn() {
        String table = RunReport.sideBySide(List.of(run(Mode.SERIAL), run(Mode.THREADS)));

        assertThat(table.lines().findFirst()).get().asString().contains("SERIAL").contains("THREADS");
        assertThat(table).contains("outputs/s", "peak OS threads", "double placement", "quote threads");
    }
}
