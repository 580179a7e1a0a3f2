package dev.flowline;

import reactor.blockhound.BlockHound;

/** Touches BlockHound's classes only when the guard is installed, so that BlockHound stays an optional dependency. */
final class BlockHoundInstaller {

    private BlockHoundInstaller() {}

    static void install(ThreadLocal<String> nonBlockingStage) {
        BlockHound.builder()
                .loadIntegrations()
                .addDynamicThreadPredicate(thread -> nonBlockingStage.get() != null)
                .blockingMethodCallback(method -> {
                    throw new BlockingCallError(nonBlockingStage.get(), method.toString(), Thread.currentThread().getName());
                })
                .install();
    }
}
