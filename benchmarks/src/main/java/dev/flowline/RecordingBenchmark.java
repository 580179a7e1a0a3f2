package dev.flowline;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * JMH: what per-stage recording alone costs for one element in one stage — the calls a stage makes on its
 * {@code StageMetrics} for every element (counted in, its call counted and now and then measured, the thread classified, the outcome
 * and latency recorded), without the operators around them, on one thread and on two at once (the contended
 * case: one stage's elements spread over both cores). In the framework's package because those calls are
 * package-private; public only because JMH's generated code extends it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordingBenchmark {
    private StageMetrics metrics;

    @Setup
    public void setUp() {
        metrics = new StageMetrics("stage", "CPU", "parallel", 2);
    }

    /** One element's recording, on one thread. */
    @Benchmark
    @Threads(1)
    public Object oneThread() {
        return record();
    }

    /** One element's recording, two threads recording into the same stage at once. */
    @Benchmark
    @Threads(2)
    public Object twoThreads() {
        return record();
    }

    private Object record() {
        int weight = metrics.latencyWeight();
        long start = weight == 0 ? 0 : System.nanoTime();
        metrics.entered();
        Object output = metrics.measured(Function.identity(), this);
        metrics.ranOn(Thread.currentThread());
        metrics.left(StageMetrics.Outcome.OUT, start, weight);
        return output;
    }
}
