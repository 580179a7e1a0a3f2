package dev.flowline.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo, made small: every crawl runs, takes its pages, and the table and sentence show them. */
class DemoTest {

    @Test
    void crawlsInEveryModeAndPrintsTheRunsSideBySide() {
        Demo.Settings settings = new Demo.Settings(200, 4, Duration.ofMillis(5), 40, 6, 8);
        List<DemoRun> told = new ArrayList<>();
        List<DemoRun> runs = new Demo(settings).run(told::add);
        assertThat(told).isEqualTo(runs);
        assertThat(runs).extracting(DemoRun::label).containsExactly("SERIAL + blocking", "THREADS + blocking",
                "REACTIVE + blocking", "VIRTUAL + blocking", "REACTIVE + non-blocking");
        runs.forEach(run -> {
            assertThat(run.summary().records()).as(run.label()).isEqualTo(run.mode() == Mode.SERIAL ? 6 : 40);
            assertThat(run.summary().errors()).as(run.label()).isZero();
            assertThat(run.report().conserved()).as(run.label()).isTrue();
            assertThat(run.fetch().latency().count()).as(run.label()).isEqualTo(run.summary().records());
        });
        String table = DemoTable.render(runs, settings);
        assertThat(table).contains("pages/s", "fetch p50 / p99", "peak OS threads", "peak heap", "CPU time",
                "boundedElastic", "virtual thread per element", "no hop", "SERIAL waits for one");
    }
}
