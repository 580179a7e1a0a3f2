package dev.flowline;

import reactor.core.publisher.Flux;

/** One step of a pipeline as a run executes it: a stage, or a batching step. */
sealed interface Step permits StageRunner, BatchStep {

    /** Applies the step to a stream of elements, concurrently as its options allow. */
    Flux<Object> apply(Flux<Object> elements);

    StageMetrics metrics();
}
