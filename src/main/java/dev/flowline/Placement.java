package dev.flowline;

import dev.flowline.scheduling.FlowlineSchedulers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
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
    private final UnaryOperator<Scheduler> decorator;

    private Placement(Mode mode, String runName, int threads, int queueCapacity, UnaryOperator<Scheduler> decorator) {
        this.mode = mode;
        this.runName = runName;
        this.decorator = decorator;
        switch (mode) {
            case REACTIVE -> {
                cpu = Schedulers.parallel();
                blocking = Schedulers.boundedElastic();
                serial = null;
            }
            case VIRTUAL -> {
                cpu = Schedulers.parallel();
                blocking = null;   // one virtual-thread scheduler per stage: see hop(Kind, String, boolean)
                serial = null;
            }
            case THREADS -> {
                cpu = own(FlowlineSchedulers.platformPool(runName + "-pool", threads, queueCapacity));
                blocking = cpu;
                serial = null;
            }
            default -> {
                // Room for the element's call and the hand-offs between stages (publishOn drains) on the same thread.
                serial = own(FlowlineSchedulers.serial(runName, queueCapacity + 64));
                cpu = serial;
                blocking = serial;
            }
        }
    }

    /**
     * Places a run of {@code runName} in {@code mode}; {@code threads} sizes THREADS mode's pool and
     * {@code queueCapacity} bounds the queue of any pool it creates (the sum of the stages' concurrency suffices,
     * since no stage submits more than its concurrency); {@code decorator} wraps every scheduler a stage hops to.
     */
    static Placement of(Mode mode, String runName, int threads, int queueCapacity,
                        UnaryOperator<Scheduler> decorator) {
        return new Placement(mode, runName, threads, queueCapacity, decorator);
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
     *
     * <p>In SERIAL mode every element already runs on the serial thread, so only a stage whose calls are
     * {@code resumable} elsewhere — timed out, retried after a backoff or admitted by a rate limiter, all of which
     * wait on the timer — hops back to it (even from it): that is also what lets a timeout, timed elsewhere,
     * cancel and interrupt a call that hangs there.
     */
    Scheduler hop(Kind kind, String stage, boolean resumable) {
        Scheduler hop;
        if (mode == Mode.VIRTUAL && kind == Kind.BLOCKING_IO) {
            hop = own(FlowlineSchedulers.virtualThreadPerTask(virtualThreadName(runName, stage)));
        } else if (mode == Mode.SERIAL) {
            hop = resumable ? serial : null;
        } else {
            hop = switch (kind) {
                case CPU -> cpu;
                case BLOCKING_IO -> blocking;
                case ASYNC_IO -> awaitsAsync() ? cpu : null;
            };
        }
        return hop == null ? null : decorator.apply(hop);
    }

    /** The name every virtual thread of {@code stage} starts with. */
    static String virtualThreadName(String pipeline, String stage) {
        return pipeline + "." + stage;
    }

    /** True when async stages are awaited, blocking, on the thread that runs them (THREADS and SERIAL). */
    boolean awaitsAsync() {
        return mode == Mode.THREADS || mode == Mode.SERIAL;
    }

    /**
     * Where timeouts, retry backoffs and rate limits wait: Reactor's parallel scheduler, looked up now so that
     * virtual time can replace it — never a stage's own thread, which may be the one that hangs.
     */
    Scheduler timer() {
        return Schedulers.parallel();
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
