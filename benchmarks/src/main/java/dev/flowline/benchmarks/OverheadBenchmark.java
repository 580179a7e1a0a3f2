package dev.flowline.benchmarks;

import dev.flowline.Kind;
import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Stage;
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
import reactor.core.publisher.Mono;

/**
 * JMH: a pipeline of {@value #STAGES} trivial stages (each adds 1) over {@value #ELEMENTS} elements, run by Flowline
 * and by the same chain hand-written in plain Reactor ({@link HandWrittenChain}), per kind and per mode. Scores are
 * nanoseconds per element. Public only because JMH's generated code extends it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OverheadBenchmark {
    static final int ELEMENTS = 1_000;
    static final int STAGES = 3;

    @Param({"CPU", "BLOCKING_IO", "ASYNC_IO"})
    public String kind;

    @Param({"REACTIVE", "VIRTUAL", "THREADS", "SERIAL"})
    public String mode;

    private Kind stageKind;
    private Mode runMode;
    private Pipeline<Integer, Integer> pipeline;

    @Setup
    public void setUp() {
        stageKind = Kind.valueOf(kind);
        runMode = Mode.valueOf(mode);
        Pipeline<Integer, Integer> built = Pipeline.named("overhead");
        for (int i = 0; i < STAGES; i++) {
            built = built.then(trivialStage("add" + i, stageKind));
        }
        pipeline = built.mode(runMode);
    }

    /** Flowline: the pipeline, per-stage reporting and all. */
    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public Integer flowline() {
        return pipeline.run(Flux.range(0, ELEMENTS)).output().blockLast();
    }

    /** The same chain in plain Reactor. */
    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public Integer reactor() {
        return HandWrittenChain.run(stageKind, runMode, STAGES, Flux.range(0, ELEMENTS)).blockLast();
    }

    static Stage<Integer, Integer> trivialStage(String name, Kind kind) {
        return switch (kind) {
            case CPU -> Stage.cpu(name, value -> value + 1);
            case BLOCKING_IO -> Stage.blocking(name, value -> value + 1);
            case ASYNC_IO -> Stage.async(name, value -> Mono.just(value + 1));
        };
    }
}
