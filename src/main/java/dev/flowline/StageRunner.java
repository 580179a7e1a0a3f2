package dev.flowline;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
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

    StageRunner(String pipeline, Stage<Object, Object> stage, Placement placement, StageMetrics metrics,
                Consumer<? super DeadLetter> deadLetters, Timeline timeline) {
        this.timeline = timeline;
        this.pipeline = pipeline;
        this.stage = stage;
        this.placement = placement;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.hop = placement.hop(stage.kind, stage.name);
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
        return Mono.defer(() -> {
            ElementOutcome outcome = new ElementOutcome(metrics);
            Mono<Object> attempt = attempt(element);
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
            return attempt
                    .doOnNext(output -> outcome.settle(StageMetrics.Outcome.OUT))
                    .switchIfEmpty(Mono.fromRunnable(() -> outcome.settle(StageMetrics.Outcome.FILTERED)))
                    .onErrorResume(error -> handle(element, error, outcome))
                    .doOnCancel(() -> outcome.settle(StageMetrics.Outcome.CANCELLED));
        });
    }

    /** One try of the stage's function on {@code element}; empty means the element was filtered. */
    private Mono<Object> attempt(Object element) {
        if (publisherDirect) {
            return Mono.defer(() -> {
                Thread caller = Thread.currentThread();
                long start = System.nanoTime();
                boolean traced = traced();
                Publisher<?> publisher = measured(() -> publisherFor(element));
                return Mono.<Object>from(publisher).doOnSuccess(output -> {
                    Thread completion = Thread.currentThread();
                    metrics.ranOn(completion);
                    if (traced) {
                        timeline.asyncSlice(stage.name, caller, start, completion, System.nanoTime());
                    }
                });
            });
        }
        return Mono.fromCallable(() -> {
            Thread thread = Thread.currentThread();
            metrics.ranOn(thread);
            long start = System.nanoTime();
            try {
                return measured(() -> call(element));
            } finally {
                if (traced()) {
                    timeline.slice(stage.name, stage.kind.name(), thread, start, System.nanoTime());
                }
            }
        });
    }

    private boolean traced() {
        return timeline != null && timeline.samples(sequence.getAndIncrement());
    }

    /** Runs {@code call}, counting it as running and, for a sample of calls, measuring its wall and CPU time. */
    private <T> T measured(Supplier<T> call) {
        long[] before = metrics.callStarted() ? ThreadClock.read() : ThreadClock.UNKNOWN;
        long wallBefore = System.nanoTime();
        try {
            return call.get();
        } finally {
            metrics.callEnded();
            if (before[0] >= 0) {
                long[] after = ThreadClock.read();
                metrics.sampled(System.nanoTime() - wallBefore, after[0] - before[0], after[1] - before[1]);
            }
        }
    }

    private Object call(Object element) {
        if (stage.function == null) {
            Mono<Object> awaited = Mono.from(publisherFor(element));
            // No timeout of its own: the stage's timeout cancels this call, which interrupts the wait.
            return awaited.block();
        }
        Object output = nonBlocking
                ? BlockingGuard.nonBlocking(stage.name, () -> stage.function.apply(element))
                : stage.function.apply(element);
        if (output == null && !stage.filters) {
            throw new NullPointerException("the function returned null (use Stage.filter to drop elements)");
        }
        return output;
    }

    private Publisher<? extends Object> publisherFor(Object element) {
        Publisher<? extends Object> publisher = BlockingGuard.nonBlocking(stage.name, () -> stage.async.apply(element));
        if (publisher == null) {
            throw new NullPointerException("the function returned a null publisher");
        }
        return publisher;
    }

    private Mono<Object> handle(Object element, Throwable error, ElementOutcome outcome) {
        String problem = Elements.describe(element) + ": " + StageException.describe(error);
        switch (stage.errorPolicy) {
            case SKIP -> {
                if (outcome.settle(StageMetrics.Outcome.SKIPPED)) {
                    metrics.error(problem);
                }
                return Mono.empty();
            }
            case DEAD_LETTER -> {
                try {
                    deadLetters.accept(new DeadLetter(pipeline, stage.name, element, error));
                    outcome.settle(StageMetrics.Outcome.DEAD_LETTERED);
                } catch (RuntimeException | Error sinkError) {
                    if (outcome.settle(StageMetrics.Outcome.SKIPPED)) {
                        metrics.error(problem + " (the dead-letter sink failed too: "
                                + StageException.describe(sinkError) + ")");
                    }
                }
                return Mono.empty();
            }
            default -> {
                if (outcome.settle(StageMetrics.Outcome.FAILED)) {
                    metrics.error(problem);
                }
                return Mono.error(new StageException(pipeline, stage.name, element, error));
            }
        }
    }
}
