package dev.flowline;

import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How a run wires its steps together: concurrently, stage after stage, or serially, element after element. */
final class Assembly {

    private Assembly() {}

    /** Each step consumes the previous one's output, with its own concurrency: elements overlap across stages. */
    static Flux<Object> concurrent(Flux<Object> source, List<Step> steps) {
        Flux<Object> elements = source;
        for (Step step : steps) {
            elements = step.apply(elements);
        }
        return elements;
    }

    /**
     * One element at a time through every stage, on the run's serial thread: the next element enters the first
     * stage only when the previous one has left the last (batch steps, which must gather several elements, split
     * the pipeline into segments run this way one after the other).
     */
    static Flux<Object> serial(Flux<Object> source, List<Step> steps, Placement placement) {
        Flux<Object> elements = source.publishOn(placement.serialThread(), 1);
        List<StageRunner> segment = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof StageRunner runner) {
                segment.add(runner);
            } else {
                elements = step.apply(serialSegment(elements, segment)).publishOn(placement.serialThread(), 1);
                segment = new ArrayList<>();
            }
        }
        return serialSegment(elements, segment);
    }

    private static Flux<Object> serialSegment(Flux<Object> elements, List<StageRunner> segment) {
        if (segment.isEmpty()) {
            return elements;
        }
        List<StageRunner> stages = List.copyOf(segment);
        return elements.concatMap(element -> {
            Mono<Object> chain = Mono.just(element);
            for (StageRunner stage : stages) {
                chain = chain.flatMap(stage::applyTo);
            }
            return chain;
        }, 1);
    }
}
