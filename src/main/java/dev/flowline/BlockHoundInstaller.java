package dev.flowline;

import reactor.blockhound.BlockHound;

/** Touches BlockHound's classes only when the guard is installed, so that BlockHound stays an optional dependency. */
final class BlockHoundInstaller {

    private BlockHoundInstaller() {}

    static void install(ThreadLocal<String> nonBlockingStage) {
        BlockHound.builder()
                .loadIntegrations()
                // Whether a thread may block depends on the stage it runs now, not on the thread: make every thread
                // "dynamic", so that the non-blocking predicate is asked again at each blocking call.
                .addDynamicThreadPredicate(thread -> true)
                .nonBlockingThreadPredicate(current -> current.or(thread -> nonBlockingStage.get() != null))
                // The advisor's own measurement reads /proc: not the stage's blocking.
                .allowBlockingCallsInside(ThreadClock.class.getName(), "read")
                .blockingMethodCallback(method -> {
                    throw new BlockingCallError(nonBlockingStage.get(), method.toString(), Thread.currentThread().getName());
                })
                .install();
    }
}
