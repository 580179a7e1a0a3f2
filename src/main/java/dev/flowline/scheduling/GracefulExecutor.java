package dev.flowline.scheduling;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An executor whose {@code shutdownNow()} is a plain {@code shutdown()}: running tasks finish, queued ones still
 * run, new ones are refused. Reactor disposes a scheduler with {@code shutdownNow()}, and a run disposes its
 * schedulers from inside its own last task — interrupting that thread would leak an interrupt into whatever the
 * subscriber does on completion. Cancelled elements are already cancelled one by one by Reactor.
 */
final class GracefulExecutor extends AbstractExecutorService {
    private final ExecutorService delegate;

    GracefulExecutor(ExecutorService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable command) {
        delegate.execute(command);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        delegate.shutdown();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }
}
