package dev.flowline.benchmarks;

import dev.flowline.Kind;
import dev.flowline.LiveView;
import dev.flowline.Pipeline;
import dev.flowline.Run;
import dev.flowline.Timeline;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import reactor.core.publisher.Flux;

/**
 * JMH: what the tools for seeing inside a run cost per element, on {@value OverheadBenchmark#STAGES} trivial
 * ASYNC_IO stages in REACTIVE mode (no thread hops, so that per-element bookkeeping is all there is to see):
 * nothing on, a timeline sampling every 10th element, a timeline recording every element, and a live view
 * redrawing every 50 ms to a discarded stream. The advisor has no off switch; its sampling is inside every score.
 * Public only because JMH's generated code extends it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ObservabilityBenchmark {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    @Param({"off", "timeline-every-10th", "timeline-every-element", "live-view"})
    public String tool;

    private Pipeline<Integer, Integer> pipeline;

    @Setup
    public void setUp() {
        Pipeline<Integer, Integer> built = Pipeline.named("observed");
        for (int i = 0; i < OverheadBenchmark.STAGES; i++) {
            built = built.then(OverheadBenchmark.trivialStage("add" + i, Kind.ASYNC_IO));
        }
        pipeline = built;
    }

    /** One run of {@value OverheadBenchmark#ELEMENTS} elements with the chosen tool on. */
    @Benchmark
    @OperationsPerInvocation(OverheadBenchmark.ELEMENTS)
    public Integer run() {
        Pipeline<Integer, Integer> observed = switch (tool) {
            case "timeline-every-10th" -> pipeline.recordTimeline(Timeline.sampling(10, Integer.MAX_VALUE));
            case "timeline-every-element" -> pipeline.recordTimeline(Timeline.sampling(1, Integer.MAX_VALUE));
            default -> pipeline;
        };
        Run<Integer> run = observed.run(Flux.range(0, OverheadBenchmark.ELEMENTS));
        if (tool.equals("live-view")) {
            try (LiveView view = LiveView.show(run, DISCARD, Duration.ofMillis(50))) {
                return run.output().blockLast();
            }
        }
        return run.output().blockLast();
    }
}
