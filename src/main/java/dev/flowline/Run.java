package dev.flowline;

import dev.flowline.report.RunReport;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;

/**
 * One run of a {@link Pipeline} over one source: its output, and a live {@link RunReport}. Nothing happens until
 * the output is subscribed (or {@link #await()} is called), and a run's output can be subscribed only once.
 *
 * <pre>{@code
 * Run<Page> run = pipeline.run(Flux.fromIterable(urls));
 * RunReport report = run.await(page -> index.add(page));   // blocks until the run ends
 * System.out.println(report.toTable());
 * }</pre>
 *
 * <p>Cancelling the subscription cancels the source and every element in flight; they are counted as cancelled
 * (those being delivered on another thread at that moment, as soon as that thread sees the cancel).
 *
 * @param <O> what the pipeline outputs
 */
public final class Run<O> {
    private final Flux<O> output;
    private final RunMetrics metrics;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    Run(Flux<O> output, RunMetrics metrics) {
        this.metrics = metrics;
        this.output = Flux.defer(() -> subscribed.compareAndSet(false, true)
                ? output
                : Flux.error(new IllegalStateException("a run's output can be subscribed only once: call "
                        + "pipeline.run(source) again for another run")));
    }

    /** The pipeline's outputs, as a cold publisher that starts the run when subscribed, at most once. */
    public Flux<O> output() {
        return output;
    }

    /**
     * The run's report as of now: final once the output has terminated. After a cancel, elements that another
     * thread is still delivering settle as cancelled a moment later, so {@code inFlight} may briefly stay above 0.
     */
    public RunReport report() {
        return metrics.snapshot();
    }

    /**
     * Runs to the end, discarding the outputs (they are still counted), and returns the final report.
     *
     * @throws StageException when a stage with {@link ErrorPolicy#FAIL} failed the run; {@link #report()} still
     *                        tells what happened
     */
    public RunReport await() {
        return await(ignored -> { });
    }

    /** Runs to the end, handing each output to {@code consumer} (on the thread that produced it). */
    public RunReport await(Consumer<? super O> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        output.doOnNext(consumer).blockLast();
        return report();
    }
}
