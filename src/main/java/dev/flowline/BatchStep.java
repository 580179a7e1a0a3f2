package dev.flowline;

import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;

/**
 * Groups elements into lists of up to {@code size}, emitting a shorter list when {@code maxWait} passes first.
 * Honours backpressure: it never buffers more than one list ahead of what downstream asked for.
 */
final class BatchStep implements Step {
    private final int size;
    private final Duration maxWait;
    private final Placement placement;
    private final StageMetrics metrics;

    BatchStep(BatchSpec spec, Placement placement, StageMetrics metrics) {
        this.size = spec.size();
        this.maxWait = spec.maxWait();
        this.placement = placement;
        this.metrics = metrics;
    }

    @Override
    public Flux<Object> apply(Flux<Object> elements) {
        return elements
                .doOnNext(element -> metrics.received(1))
                .bufferTimeout(size, maxWait, placement.timer(), true)
                .doOnNext(batch -> metrics.passed(batch.size()))
                .doFinally(signal -> {
                    if (signal != SignalType.ON_COMPLETE) {
                        metrics.cancelRemaining();
                    }
                })
                .map(batch -> (Object) batch);
    }

    @Override
    public StageMetrics metrics() {
        return metrics;
    }
}
