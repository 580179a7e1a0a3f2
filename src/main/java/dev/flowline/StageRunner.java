package dev.flowline;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Runs one stage in one run: takes each element through the stage's function on the thread its kind and the mode
 * call for, with its timeout, retries and error policy, and counts the element's one outcome.
 */
final class StageRunner implements Step {

    private final String pipeline;
    private final Stage<Object, Object> stage;
    private final Placement placement;
    private final StageMetrics metrics;
    private final Consumer<? super DeadLetter> deadLetters;
    private final Scheduler hop;
    private final int concurrency;
    private final Duration timeout;
    private final Retry retry;
    private final RateLimiter rateLimiter;
    private final boolean publisherDirect;
    private final boolean nonBlocking;
    private final Timeline timeline;
    private final AtomicLong sequence = new AtomicLong();
    /** The stage's function as called on its thread, and an async stage's publisher: made once, not per element. */
    private final Function<Object, Object> placedCall = this::call;
    private final Function<Object, Publisher<?>> asyncCall = this::publisherFor;

    StageRunner(String pipeline, Stage<Object, Object> stage, Placement placement, StageMetrics metrics,
                Consumer<? super DeadLetter> deadLetters, Timeline timeline) {
        this.timeline = timeline;
        this.pipeline = pipeline;
        this.stage = stage;
        this.placement = placement;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.hop = placement.hop(stage.kind, stage.name,
                stage.timeout != null || stage.retry.retries() || stage.ratePerSecond > 0);
        this.concurrency = placement.concurrency(stage.concurrency);
        this.timeout = stage.timeout;
        this.retry = stage.retry.retries() ? stage.retry.toReactor(placement.timer(), error -> metrics.retried()) : null;
        this.rateLimiter = stage.ratePerSecond > 0 ? new RateLimiter(stage.ratePerSecond, placement.timer()) : null;
        this.publisherDirect = stage.async != null && stage.kind == Kind.ASYNC_IO && !placement.awaitsAsync();
        this.nonBlocking = stage.kind != Kind.BLOCKING_IO;
    }

    @Override
    public Flux<Object> apply(Flux<Object> elements) {
        Flux<Object> admitted = rateLimiter == null ? elements : elements.concatMap(rateLimiter::admit, 1);
        return stage.ordered
                ? admitted.flatMapSequential(this::process, concurrency, 1)
                : admitted.flatMap(this::process, concurrency, 1);
    }

    /** The stage applied to one element, rate limit included: what SERIAL mode chains per element. */
    Mono<Object> applyTo(Object element) {
        return rateLimiter == null ? process(element) : rateLimiter.admit(element).flatMap(this::process);
    }

    @Override
    public StageMetrics metrics() {
        return metrics;
    }

    private Mono<Object> process(Object element) {
        return new StagePass(this, element);
    }

    /**
     * The stage's function applied to {@code element}, placed on its thread, with the stage's timeout and retries:
     * what {@code pass} subscribes to. Empty means the element was filtered.
     */
    Mono<Object> attempt(Object element, StagePass pass) {
        if (hop == null && timeout == null && retry == null) {
            // One try, no hop: call the function now, on the subscriber's thread, with no operator in between —
            // and its errors caught here, whatever they are (a blocking guard's error included).
            try {
                return publisherDirect ? published(element, pass) : Mono.justOrEmpty(called(element));
            } catch (Throwable error) {
                Exceptions.throwIfJvmFatal(error);
                return Mono.error(error);
            }
        }
        Mono<Object> attempt = publisherDirect
                ? Mono.defer(() -> published(element, pass))
                : Mono.fromCallable(() -> called(element));
        if (hop != null) {
            attempt = attempt.subscribeOn(hop);
        }
        if (timeout != null) {
            attempt = attempt.timeout(timeout, placement.timer())
                    .doOnError(TimeoutException.class, error -> metrics.timedOut());
        }
        if (retry != null) {
            attempt = attempt.retryWhen(retry);
        }
        return attempt;
    }

    /** One call of an async stage's function: its publisher, which completes wherever its I/O completes. */
    private Mono<Object> published(Object element, StagePass pass) {
        boolean traced = traced();
        pass.callThread = traced ? Thread.currentThread() : null;
        pass.callNanos = traced ? System.nanoTime() : 0;
        return Mono.from(metrics.measured(asyncCall, element));
    }

    /** An element's attempt produced its output or completed empty: where an async stage's work finished. */
    void completed(StagePass pass) {
        if (publisherDirect) {
            Thread completion = Thread.currentThread();
            metrics.ranOn(completion);
            if (pass.callThread != null) {
                timeline.asyncSlice(stage.name, pass.callThread, pass.callNanos, completion, System.nanoTime());
            }
        }
    }

    /** One call of a stage's function on the thread it was placed on. */
    private Object called(Object element) {
        Thread thread = Thread.currentThread();
        metrics.ranOn(thread);
        if (!traced()) {
            return metrics.measured(placedCall, element);
        }
        long start = System.nanoTime();
        try {
            return metrics.measured(placedCall, element);
        } finally {
            timeline.slice(stage.name, stage.kind.name(), thread, start, System.nanoTime());
        }
    }

    private boolean traced() {
        return timeline != null && timeline.samples(sequence.getAndIncrement());
    }

    private Object call(Object element) {
        if (stage.function == null) {
            Mono<Object> awaited = Mono.from(publisherFor(element));
            // No timeout of its own: the stage's timeout cancels this call, which interrupts the wait.
            return awaited.block();
        }
        Object output = nonBlocking
                ? BlockingGuard.nonBlocking(stage.name, stage.function, element)
                : stage.function.apply(element);
        if (output == null && !stage.filters) {
            throw new NullPointerException("the function returned null (use Stage.filter to drop elements)");
        }
        return output;
    }

    private Publisher<?> publisherFor(Object element) {
        Publisher<?> published = BlockingGuard.nonBlocking(stage.name, stage.async, element);
        if (published == null) {
            throw new NullPointerException("the function returned a null publisher");
        }
        return published;
    }

    /**
     * Applies the stage's error policy to {@code element}'s {@code error} and settles its outcome: returns the error
     * to pass downstream (FAIL), or {@code null} when the policy absorbs it (SKIP, DEAD_LETTER).
     */
    Throwable handle(Object element, Throwable error, StagePass pass) {
        String problem = Elements.describe(element) + ": " + StageException.describe(error);
        switch (stage.errorPolicy) {
            case SKIP -> {
                if (pass.settle(StageMetrics.Outcome.SKIPPED)) {
                    metrics.error(problem);
                }
                return null;
            }
            case DEAD_LETTER -> {
                try {
                    deadLetters.accept(new DeadLetter(pipeline, stage.name, element, error));
                    pass.settle(StageMetrics.Outcome.DEAD_LETTERED);
                } catch (RuntimeException | Error sinkError) {
                    if (pass.settle(StageMetrics.Outcome.SKIPPED)) {
                        metrics.error(problem + " (the dead-letter sink failed too: "
                                + StageException.describe(sinkError) + ")");
                    }
                }
                return null;
            }
            default -> {
                if (pass.settle(StageMetrics.Outcome.FAILED)) {
                    metrics.error(problem);
                }
                return new StageException(pipeline, stage.name, element, error);
            }
        }
    }
}
