package dev.flowline.benchmarks;

import dev.flowline.Kind;
import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.scheduling.FlowlineSchedulers;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The chain a Flowline pipeline of trivial stages builds, written by hand in plain Reactor: the same operators,
 * the same schedulers (created and disposed per run where Flowline does so), the same concurrency and order —
 * and nothing else: no per-element reporting, no error policy, no blocking guard. What the overhead benchmark
 * compares a Flowline pipeline against.
 */
final class HandWrittenChain {
    private HandWrittenChain() {}

    /** {@code stages} stages of {@code kind}, each adding 1, over {@code source}, placed as {@code mode} places them. */
    static Flux<Integer> run(Kind kind, Mode mode, int stages, Flux<Integer> source) {
        return Flux.using(() -> new Threads(mode, stages * concurrency(kind)),
                threads -> assemble(kind, mode, stages, source, threads), Threads::dispose);
    }

    private static Flux<Integer> assemble(Kind kind, Mode mode, int stages, Flux<Integer> source, Threads threads) {
        if (mode == Mode.SERIAL) {
            return source.publishOn(threads.serial, 1).concatMap(element -> {
                Mono<Integer> chain = Mono.just(element);
                for (int i = 0; i < stages; i++) {
                    chain = chain.flatMap(value -> element(kind, mode, value, null));
                }
                return chain;
            }, 1);
        }
        Scheduler hop = threads.hop(kind);
        Flux<Integer> elements = source;
        for (int i = 0; i < stages; i++) {
            elements = elements.flatMapSequential(value -> element(kind, mode, value, hop), concurrency(kind), 1);
        }
        return elements;
    }

    /** One stage applied to one element: the trivial function, on the thread the mode puts it. */
    private static Mono<Integer> element(Kind kind, Mode mode, int value, Scheduler hop) {
        boolean awaited = mode == Mode.THREADS || mode == Mode.SERIAL;
        Mono<Integer> applied = kind == Kind.ASYNC_IO
                ? (awaited ? Mono.fromCallable(() -> Mono.just(value + 1).block()) : Mono.defer(() -> Mono.just(value + 1)))
                : Mono.fromCallable(() -> value + 1);
        return hop == null ? applied : applied.subscribeOn(hop);
    }

    /** Flowline's default concurrency for a stage of {@code kind}. */
    static int concurrency(Kind kind) {
        return switch (kind) {
            case CPU -> Runtime.getRuntime().availableProcessors();
            case BLOCKING_IO -> 32;
            case ASYNC_IO -> 256;
        };
    }

    /** The schedulers of one run, as Flowline's placement makes them: Reactor's shared ones, or owned ones. */
    private static final class Threads {
        final Mode mode;
        final Scheduler serial;
        final Scheduler pool;
        final Scheduler virtual;
        final List<Scheduler> owned = new ArrayList<>();

        Threads(Mode mode, int queueCapacity) {
            this.mode = mode;
            this.serial = mode == Mode.SERIAL ? own(FlowlineSchedulers.serial("hand-written", queueCapacity)) : null;
            this.pool = mode == Mode.THREADS
                    ? own(FlowlineSchedulers.platformPool("hand-written-pool", Pipeline.DEFAULT_THREADS, queueCapacity)) : null;
            this.virtual = mode == Mode.VIRTUAL ? own(FlowlineSchedulers.virtualThreadPerTask("hand-written")) : null;
        }

        private Scheduler own(Scheduler scheduler) {
            owned.add(scheduler);
            return scheduler;
        }

        Scheduler hop(Kind kind) {
            return switch (mode) {
                case REACTIVE -> kind == Kind.CPU ? Schedulers.parallel() : kind == Kind.BLOCKING_IO ? Schedulers.boundedElastic() : null;
                case VIRTUAL -> kind == Kind.CPU ? Schedulers.parallel() : kind == Kind.BLOCKING_IO ? virtual : null;
                case THREADS -> pool;
                case SERIAL -> null;
            };
        }

        void dispose() {
            owned.forEach(Scheduler::dispose);
        }
    }
}
