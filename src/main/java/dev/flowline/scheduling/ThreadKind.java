package dev.flowline.scheduling;

import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * The kinds of thread a stage can run on, as reports count them. Classifying the thread that actually ran a
 * stage is how a report shows that a declaration took effect — or that it did not.
 */
public enum ThreadKind {
    /** A Netty event loop: where non-blocking I/O completes. */
    EVENT_LOOP("event-loop"),
    /** Reactor's parallel scheduler: one thread per core, for CPU work. */
    PARALLEL("parallel"),
    /** Reactor's boundedElastic scheduler: a capped, growing pool for blocking work. */
    BOUNDED_ELASTIC("bounded-elastic"),
    /** A virtual thread. */
    VIRTUAL("virtual"),
    /** A thread of one of Flowline's fixed platform pools (THREADS mode, or SERIAL mode's single thread). */
    PLATFORM_POOL("platform-pool"),
    /** Any other thread, typically the one that subscribed or emitted. */
    CALLER("caller");

    /** The prefix of the names of Flowline's platform pool threads. */
    static final String POOL_THREAD_PREFIX = "flowline-";

    private final String label;

    ThreadKind(String label) {
        this.label = label;
    }

    /** A short lowercase label for tables and JSON, such as {@code event-loop}. */
    public String label() {
        return label;
    }

    /** What each platform thread was classified as by its name, read once: stages classify every call's thread. */
    private static final ThreadLocal<ThreadKind> BY_NAME = ThreadLocal.withInitial(() -> byName(Thread.currentThread()));

    /** Classifies {@code thread}; a platform thread by its name, which is read once if it is the current thread. */
    public static ThreadKind of(Thread thread) {
        if (thread.isVirtual()) {
            return VIRTUAL;
        }
        if (thread instanceof FastThreadLocalThread) {
            return EVENT_LOOP;
        }
        return thread == Thread.currentThread() ? BY_NAME.get() : byName(thread);
    }

    private static ThreadKind byName(Thread thread) {
        String name = thread.getName();
        if (name.startsWith("parallel-")) {
            return PARALLEL;
        }
        if (name.startsWith("boundedElastic-")) {
            return BOUNDED_ELASTIC;
        }
        if (name.startsWith(POOL_THREAD_PREFIX)) {
            return PLATFORM_POOL;
        }
        return CALLER;
    }
}
