package dev.flowline.benchmarks;

import dev.flowline.Kind;
import dev.flowline.Pipeline;
import dev.flowline.Run;
import dev.flowline.report.RunReport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import reactor.core.publisher.Flux;

/**
 * JMH: what reading per-stage reporting costs — a {@link RunReport} snapshot of a finished three-stage run, per
 * report (the per-element recording is measured alone by {@link dev.flowline.RecordingBenchmark}, and is inside
 * {@link OverheadBenchmark}'s Flowline scores). Public only because JMH's generated code extends it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReportBenchmark {
    private Run<Integer> finished;

    @Setup
    public void setUp() {
        Pipeline<Integer, Integer> pipeline = Pipeline.named("report");
        for (int i = 0; i < OverheadBenchmark.STAGES; i++) {
            pipeline = pipeline.then(OverheadBenchmark.trivialStage("add" + i, Kind.ASYNC_IO));
        }
        finished = pipeline.run(Flux.range(0, OverheadBenchmark.ELEMENTS));
        finished.await();
    }

    /** One snapshot of a finished run's report. */
    @Benchmark
    public RunReport snapshot() {
        return finished.report();
    }
}
