package dev.flowline;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One element's pass through one stage, as a single operator: it counts the element in, subscribes to the stage's
 * attempt (its function, placed, with timeout and retries if the stage has them), and settles the element's one
 * outcome — out, filtered (empty), cancelled, or, per the stage's error policy, skipped, dead-lettered or failed —
 * exactly once, however its signals race (an error arriving while the run is being cancelled, say).
 *
 * <p>One object, both the inner publisher the stage's {@code flatMap} subscribes to and the subscriber of the
 * attempt, instead of a chain of {@code doOnNext}, {@code switchIfEmpty}, {@code onErrorResume} and
 * {@code doOnCancel}: a pipeline allocates one per element per stage, so every layer saved is saved millions of
 * times. It is subscribed to once, by its stage; a second subscriber gets an error.
 */
final class StagePass extends Mono<Object> implements CoreSubscriber<Object>, Subscription {
    private static final AtomicIntegerFieldUpdater<StagePass> SETTLED =
            AtomicIntegerFieldUpdater.newUpdater(StagePass.class, "settled");

    private final StageRunner runner;
    private final Object element;
    private CoreSubscriber<? super Object> actual;
    private Subscription upstream;
    private long startNanos;
    /** The weight this element's latency is recorded with, or 0 when it is not timed. */
    private int latencyWeight;
    private boolean emitted;
    private volatile int settled;

    /** The thread that called an async stage's function, and when: what a traced element's slice starts at. */
    Thread callThread;
    long callNanos;

    StagePass(StageRunner runner, Object element) {
        this.runner = runner;
        this.element = element;
    }

    @Override
    public void subscribe(CoreSubscriber<? super Object> subscriber) {
        if (actual != null) {
            Operators.error(subscriber, new IllegalStateException("a stage's pass of an element has one subscriber"));
            return;
        }
        actual = subscriber;
        StageMetrics metrics = runner.metrics();
        latencyWeight = metrics.latencyWeight();
        startNanos = latencyWeight == 0 ? 0 : System.nanoTime();
        metrics.entered();
        runner.attempt(element, this).subscribe(this);
    }

    @Override
    public Context currentContext() {
        return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        if (Operators.validate(upstream, subscription)) {
            upstream = subscription;
            actual.onSubscribe(this);
        }
    }

    @Override
    public void onNext(Object output) {
        emitted = true;
        runner.completed(this);
        settle(StageMetrics.Outcome.OUT);
        actual.onNext(output);
    }

    @Override
    public void onError(Throwable error) {
        Throwable passedOn = runner.handle(element, error, this);
        if (passedOn == null) {
            actual.onComplete();
        } else {
            actual.onError(passedOn);
        }
    }

    @Override
    public void onComplete() {
        if (!emitted) {
            runner.completed(this);
            settle(StageMetrics.Outcome.FILTERED);
        }
        actual.onComplete();
    }

    @Override
    public void request(long n) {
        upstream.request(n);
    }

    @Override
    public void cancel() {
        settle(StageMetrics.Outcome.CANCELLED);
        upstream.cancel();
    }

    /** Records {@code outcome} if none was recorded yet; returns whether this call recorded it. */
    boolean settle(StageMetrics.Outcome outcome) {
        if (SETTLED.compareAndSet(this, 0, 1)) {
            runner.metrics().left(outcome, startNanos, latencyWeight);
            return true;
        }
        return false;
    }
}
