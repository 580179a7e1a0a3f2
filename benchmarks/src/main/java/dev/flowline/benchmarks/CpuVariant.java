package dev.flowline.benchmarks;

import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Stage;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where the CPU benchmark runs its hashing stage: one pipeline, declared per variant with the kind and mode that
 * put it on the threads named. Declaring CPU work as blocking is a mistake on purpose here: it shows what the
 * blocking schedulers do with work that never blocks.
 */
enum CpuVariant {
    SERIAL(true, Mode.SERIAL, "Stage.cpu, SERIAL mode: one thread, one element at a time"),
    PARALLEL(true, Mode.REACTIVE, "Stage.cpu, REACTIVE mode: the parallel scheduler (a thread per core), concurrency = cores"),
    ELASTIC(false, Mode.REACTIVE, "Stage.blocking, REACTIVE mode: boundedElastic (up to 10 x cores threads), concurrency 32"),
    VIRTUAL(false, Mode.VIRTUAL, "Stage.blocking, VIRTUAL mode: a virtual thread per element, concurrency 32");

    final String description;
    private final boolean declaredCpu;
    private final Mode mode;

    CpuVariant(boolean declaredCpu, Mode mode, String description) {
        this.declaredCpu = declaredCpu;
        this.mode = mode;
        this.description = description;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The pipeline that hashes each element {@code rounds} times, placed as this variant says. */
    Pipeline<Long, Long> pipeline(int rounds) {
        Function<Long, Long> hash = seed -> HashWork.hash(seed, rounds);
        Stage<Long, Long> stage = declaredCpu ? Stage.cpu("hash", hash) : Stage.blocking("hash", hash);
        return Pipeline.<Long>named("cpu-" + label()).then(stage).mode(mode);
    }
}
