package dev.flowline.micrometer;

import dev.flowline.Pipeline;
import dev.flowline.Run;
import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import reactor.core.observability.micrometer.Micrometer;

/**
 * Binds Flowline to a Micrometer {@link MeterRegistry}, for services that embed it: a run's per-stage counts,
 * in-flight elements and latency, and the time tasks spend queued and running on each scheduler a stage hops to.
 * Optional: needs {@code io.projectreactor:reactor-core-micrometer} on the classpath; without it, nothing of this
 * package is loaded and Flowline pays nothing.
 *
 * <pre>{@code
 * Pipeline<String, Page> timed = FlowlineMeters.timeSchedulers(pipeline, registry);
 * Run<Page> run = timed.run(source);
 * FlowlineMeters.bind(run, registry);
 * }</pre>
 *
 * <p>Meters: {@code flowline.stage.elements} (function counters, tagged {@code pipeline}, {@code stage} and
 * {@code outcome}: in, out, filtered, failed, skipped, dead_lettered, cancelled), {@code flowline.stage.retries},
 * {@code flowline.stage.timeouts}, {@code flowline.stage.in.flight} and {@code flowline.stage.latency.p99.seconds}
 * (gauges), and reactor-core-micrometer's {@code flowline.scheduler.tasks.*} meters per scheduler. Each reading
 * of a meter takes a fresh snapshot of the run's report: scrape at human intervals, not in a tight loop.
 */
public final class FlowlineMeters {
    private static final Map<String, ToLongFunction<StageReport>> OUTCOMES = Map.of(
            "in", StageReport::in,
            "out", StageReport::out,
            "filtered", StageReport::filtered,
            "failed", StageReport::failed,
            "skipped", StageReport::skipped,
            "dead_lettered", StageReport::deadLettered,
            "cancelled", StageReport::cancelled);

    private FlowlineMeters() {}

    /** {@code pipeline} with every scheduler its stages hop to timed into {@code registry}. */
    public static <I, O> Pipeline<I, O> timeSchedulers(Pipeline<I, O> pipeline, MeterRegistry registry) {
        Tags tags = Tags.of("pipeline", pipeline.name());
        return pipeline.decorateSchedulers(scheduler -> Micrometer.timedScheduler(scheduler, registry,
                "flowline", tags.and("scheduler", String.valueOf(scheduler))));
    }

    /** Registers meters that read {@code run}'s live report. */
    public static void bind(Run<?> run, MeterRegistry registry) {
        List<StageReport> stages = run.report().stages();
        String pipeline = run.report().pipeline();
        for (int index = 0; index < stages.size(); index++) {
            int stage = index;
            Tags tags = Tags.of("pipeline", pipeline, "stage", stages.get(stage).name());
            OUTCOMES.forEach((outcome, count) -> FunctionCounter.builder("flowline.stage.elements", run,
                            r -> count.applyAsLong(stageOf(r, stage)))
                    .tags(tags.and("outcome", outcome))
                    .description("Elements of the stage, by outcome")
                    .register(registry));
            FunctionCounter.builder("flowline.stage.retries", run, r -> stageOf(r, stage).retried())
                    .tags(tags).register(registry);
            FunctionCounter.builder("flowline.stage.timeouts", run, r -> stageOf(r, stage).timedOut())
                    .tags(tags).register(registry);
            Gauge.builder("flowline.stage.in.flight", run, r -> stageOf(r, stage).inFlight())
                    .tags(tags).register(registry);
            Gauge.builder("flowline.stage.latency.p99.seconds", run,
                            r -> stageOf(r, stage).latency().p99().toNanos() / 1e9)
                    .tags(tags).register(registry);
        }
    }

    private static StageReport stageOf(Run<?> run, int index) {
        RunReport report = run.report();
        return report.stages().get(index);
    }
}
