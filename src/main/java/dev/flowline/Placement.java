package dev.flowline;

import dev.flowline.scheduling.FlowlineSchedulers;
import java.util.ArrayList;
import java.util.List;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where one run places each kind of stage, per its {@link Mode}. Owns the schedulers it creates for the run and
 * disposes them when the run ends; Reactor's shared schedulers are looked up at run time (never cached), so that
 * virtual-time tests can replace them.
 */
final class Placement implements AutoCloseable {
    private final Mode mode;
    private final Scheduler cpu;
    private final Scheduler blocking;
    private final Scheduler serial;
    private final List<Scheduler> owned = new ArrayList<>();
    private final String runName;

    private Placement(Mode mode, String runName, int threads, int queueCapacity) {
        this.mode = mode;
        this.runName = runName;
        switch (mode) {
            case REACTIVE -> {
                cpu = Schedulers.parallel();
                blocking = Schedulers.boundedElastic();
                serial = null;
            }
            case VIRTUAL -> {
                cpu = Schedulers.parallel();
                blocking = null;   // one virtual-thread scheduler per stage: see hop(Kind, String)
                serial = null;
            }
            case THREADS -> {
                cpu = own(FlowlineSchedulers.platformPool(runName + "-pool", threads, queueCapacity));
                blocking = cpu;
                serial = null;
            }
            default -> {
                serial = own(FlowlineSchedulers.serial(runName, queueCapacity));
                cpu = null;
                blocking = null;
            }
        }
    }

    /**
     * Places a run of {@code runName} in {@code mode}; {@code threads} sizes THREADS mode's pool and
     * {@code queueCapacity} bounds the queue of any pool it creates (the sum of the stages' concurrency suffices,
     * since no stage submits more than its concurrency).
     */
    static Placement of(Mode mode, String runName, int threads, int queueCapacity) {
        return new Placement(mode, runName, threads, queueCapacity);
    }

    private Scheduler own(Scheduler scheduler) {
        owned.add(scheduler);
        return scheduler;
    }

    Mode mode() {
        return mode;
    }

    boolean serial() {
        return mode == Mode.SERIAL;
    }

    /**
     * The scheduler {@code stage}, of {@code kind}, hops to for each element, or {@code null} for no hop. In
     * VIRTUAL mode each blocking stage gets virtual threads named after it, so that JFR events on them (pinning)
     * can be traced back to the stage.
     */
    Scheduler hop(Kind kind, String stage) {
        if (mode == Mode.VIRTUAL && kind == Kind.BLOCKING_IO) {
            return own(FlowlineSchedulers.virtualThreadPerTask(virtualThreadName(runName, stage)));
        }
        return switch (kind) {
            case CPU -> cpu;
            case BLOCKING_IO -> blocking;
            case ASYNC_IO -> mode == Mode.THREADS ? cpu : null;
        };
    }

    /** The name every virtual thread of {@code stage} starts with. */
    static String virtualThreadName(String pipeline, String stage) {
        return pipeline + "." + stage;
    }

    /** True when async stages are awaited, blocking, on the thread that runs them (THREADS and SERIAL). */
    boolean awaitsAsync() {
        return mode == Mode.THREADS || mode == Mode.SERIAL;
    }

    /** Where timeouts, retry backoffs and rate limits wait: the serial thread in SERIAL mode, else parallel. */
    Scheduler timer() {
        return serial != null ? serial : Schedulers.parallel();
    }

    /** The single thread of SERIAL mode, or {@code null}. */
    Scheduler serialThread() {
        return serial;
    }

    /** The stage's concurrency as this mode applies it: always 1 in SERIAL mode. */
    int concurrency(int declared) {
        return serial() ? 1 : declared;
    }

    /** A short description of where a stage of {@code kind} runs in {@code mode}, for reports. */
    static String describe(Mode mode, int threads, Kind kind) {
        return switch (mode) {
            case REACTIVE -> switch (kind) {
                case CPU -> "parallel";
                case BLOCKING_IO -> "boundedElastic";
                case ASYNC_IO -> "no hop";
            };
            case VIRTUAL -> switch (kind) {
                case CPU -> "parallel";
                case BLOCKING_IO -> "virtual thread per element";
                case ASYNC_IO -> "no hop";
            };
            case THREADS -> kind == Kind.ASYNC_IO ? "awaited on pool of " + threads : "pool of " + threads;
            case SERIAL -> kind == Kind.ASYNC_IO ? "awaited on serial thread" : "serial thread";
        };
    }

    @Override
    public void close() {
        owned.forEach(Scheduler::dispose);
    }
}
