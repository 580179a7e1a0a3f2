package dev.flowline.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.ErrorPolicy;
import dev.flowline.Pipeline;
import dev.flowline.Run;
import dev.flowline.Stage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class FlowlineMetersTest {

    @Test
    void aRunsStagesAndSchedulersShowUpInTheRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Pipeline<Integer, Integer> pipeline = Pipeline.<Integer>named("metered")
                .then(Stage.cpu("check", (Integer n) -> {
                    if (n % 10 == 0) {
                        throw new IllegalStateException("bad " + n);
                    }
                    return n;
                }).onError(ErrorPolicy.SKIP))
                .then(Stage.blocking("store", (Integer n) -> n));

        Run<Integer> run = FlowlineMeters.timeSchedulers(pipeline, registry).run(Flux.range(0, 50));
        FlowlineMeters.bind(run, registry);
        run.await();

        assertThat(registry.get("flowline.stage.elements").tags("stage", "check", "outcome", "in").functionCounter()
                .count()).isEqualTo(50);
        assertThat(registry.get("flowline.stage.elements").tags("stage", "check", "outcome", "skipped")
                .functionCounter().count()).isEqualTo(5);
        assertThat(registry.get("flowline.stage.elements").tags("stage", "store", "outcome", "out").functionCounter()
                .count()).isEqualTo(45);
        assertThat(registry.get("flowline.stage.in.flight").tags("stage", "store").gauge().value()).isZero();
        assertThat(registry.find("flowline.scheduler.tasks.completed").timers().stream().toList()).isNotEmpty()
                .allSatisfy(timer -> assertThat(timer.getId().getTag("pipeline")).isEqualTo("metered"));
    }
}
