package dev.flowline;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes sure an element is counted under exactly one outcome in a stage, however its signals race (an error
 * arriving while the run is being cancelled, say).
 */
final class ElementOutcome extends AtomicBoolean {
    private static final long serialVersionUID = 1L;

    private final transient StageMetrics metrics;
    private final long startNanos;

    ElementOutcome(StageMetrics metrics) {
        this.metrics = metrics;
        this.startNanos = System.nanoTime();
        metrics.entered();
    }

    /** Records {@code outcome} if none was recorded yet; returns whether this call recorded it. */
    boolean settle(StageMetrics.Outcome outcome) {
        if (compareAndSet(false, true)) {
            metrics.left(outcome, startNanos);
            return true;
        }
        return false;
    }
}
