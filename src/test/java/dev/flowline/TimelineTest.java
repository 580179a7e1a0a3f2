package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

class TimelineTest {
    @RegisterExtension
    static final LoopbackServer server = new LoopbackServer();

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }

    @Test
    void aSampledTimelineBecomesAChromeTrace(@TempDir Path directory) throws IOException {
        Timeline timeline = Timeline.sampling(2, 10_000);
        Pipeline.<Integer>named("traced")
                .then(Stage.async("fetch", server::echo).concurrency(8))
                .then(Stage.cpu("parse", Integer::parseInt))
                .then(Stage.blocking("store", (Integer n) -> n))
                .recordTimeline(timeline)
                .run(Flux.range(0, 20)).await();

        Path file = directory.resolve("run.trace.json");
        timeline.writeChromeTrace(file);
        String trace = Files.readString(file);

        assertThat(trace).startsWith("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[").endsWith("]}\n");
        assertThat(count(trace, "\"name\":\"fetch\",\"cat\":\"ASYNC_IO\",\"pid\":1,\"id\":\\d+,\"ph\":\"b\"")).isEqualTo(10);
        assertThat(count(trace, "\"ph\":\"e\"")).isEqualTo(10);
        assertThat(count(trace, "\"name\":\"parse\",\"cat\":\"CPU\",\"ph\":\"X\"")).isEqualTo(10);
        assertThat(count(trace, "\"name\":\"store\",\"cat\":\"BLOCKING_IO\",\"ph\":\"X\"")).isEqualTo(10);
        assertThat(trace).contains("\"completed on\":\"reactor-http-", "\"args\":{\"name\":\"parallel-",
                "\"args\":{\"name\":\"boundedElastic-");
        assertThat(timeline.events()).isEqualTo(40);
        assertThat(timeline.dropped()).isZero();
    }

    @Test
    void recordingStopsAtTheLimitAndCountsTheRest() {
        Timeline timeline = Timeline.sampling(1, 5);
        Pipeline.<Integer>named("capped").then(Stage.cpu("parse", (Integer n) -> n)).recordTimeline(timeline)
                .run(Flux.range(0, 12)).await();

        assertThat(timeline.events()).isEqualTo(5);
        assertThat(timeline.dropped()).isEqualTo(7);
        assertThatThrownBy(() -> Timeline.sampling(0, 10)).hasMessageContaining("got every 0");
    }
}
