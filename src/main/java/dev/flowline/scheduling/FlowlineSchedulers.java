package dev.flowline.scheduling;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The schedulers Flowline adds to Reactor's own: a virtual thread per task, a fixed pool of platform threads with a
 * bounded queue, and a single serial thread. Each is owned by whoever creates it and must be disposed.
 *
 * <pre>{@code
 * Scheduler virtual = FlowlineSchedulers.virtualThreadPerTask("fetch");
 * try { ... } finally { virtual.dispose(); }
 * }</pre>
 */
public final class FlowlineSchedulers {

    private FlowlineSchedulers() {}

    /**
     * A scheduler that starts a new virtual thread for every task. It has no cap of its own: bound it with the
     * concurrency of whatever submits to it (unlike boundedElastic on virtual threads, capped at 10 x cores).
     */
    public static Scheduler virtualThreadPerTask(String name) {
        ThreadFactory factory = Thread.ofVirtual().name(ThreadKind.POOL_THREAD_PREFIX + name + "-virtual-", 0).factory();
        return Schedulers.fromExecutorService(new GracefulExecutor(Executors.newThreadPerTaskExecutor(factory)),
                name + "-virtual");
    }

    /**
     * A fixed pool of {@code threads} daemon platform threads whose queue holds at most {@code queueCapacity}
     * waiting tasks; a task beyond that is rejected rather than queued without bound.
     */
    public static Scheduler platformPool(String name, int threads, int queueCapacity) {
        if (threads < 1) {
            throw new IllegalArgumentException("a platform pool needs at least 1 thread, got " + threads);
        }
        ExecutorService executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queueCapacity)), daemonThreads(name),
                new ThreadPoolExecutor.AbortPolicy());
        return Schedulers.fromExecutorService(new GracefulExecutor(executor), name);
    }

    /** One platform thread that runs every task in turn. */
    public static Scheduler serial(String name, int queueCapacity) {
        return platformPool(name + "-serial", 1, queueCapacity);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, ThreadKind.POOL_THREAD_PREFIX + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
