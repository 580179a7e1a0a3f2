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
 * outcome — out, filtered (empty), cancelled, or, per the stage's error policy, skipped, dead-lettered or failed.
 *
 * <p>One operator instead of a chain of {@code doOnNext}, {@code switchIfEmpty}, {@code onErrorResume} and
 * {@code doOnCancel}: a pipeline allocates and subscribes this once per element per stage, so every layer saved is
 * saved millions of times.
 */
final class StagePass extends Mono<Object> {
    private final StageRunner runner;
    private final Object element;

    StagePass(StageRunner runner, Object element) {
        this.runner = runner;
        this.element = element;
    }

    @Override
    public void subscribe(CoreSubscriber<? super Object> actual) {
        Settling settling = new Settling(actual, runner, element);
        runner.attempt(element, settling).subscribe(settling);
    }

    /**
     * Stands between the attempt and the stage's downstream and records the element's outcome exactly once,
     * however its signals race (an error arriving while the run is being cancelled, say).
     */
    static final class Settling implements CoreSubscriber<Object>, Subscription {
        private static final AtomicIntegerFieldUpdater<Settling> SETTLED =
                AtomicIntegerFieldUpdater.newUpdater(Settling.class, "settled");

        private final CoreSubscriber<? super Object> actual;
        private final StageRunner runner;
        private final Object element;
        private final long startNanos;
        private Subscription upstream;
        private boolean emitted;
        private volatile int settled;

        /** The thread that called an async stage's function, and when: what a traced element's slice starts at. */
        Thread callThread;
        long callNanos;

        Settling(CoreSubscriber<? super Object> actual, StageRunner runner, Object element) {
            this.actual = actual;
            this.runner = runner;
            this.element = element;
            this.startNanos = System.nanoTime();
            runner.metrics().entered();
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
                runner.metrics().left(outcome, startNanos);
                return true;
            }
            return false;
        }
    }
}
