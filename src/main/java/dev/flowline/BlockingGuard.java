package dev.flowline;

import java.util.function.Function;

/**
 * Strict mode: makes a blocking call inside a {@link Kind#CPU} or {@link Kind#ASYNC_IO} stage fail the element with
 * a {@link BlockingCallError} that names the stage and the call — the mistake that silently starves an event loop
 * or the parallel scheduler. Calls on Reactor's non-blocking threads (parallel, Netty event loops) are checked too.
 * {@link Kind#BLOCKING_IO} stages may block freely.
 *
 * <p>Built on <a href="https://github.com/reactor/BlockHound">BlockHound</a>, which must be on the classpath
 * ({@code io.projectreactor.tools:blockhound}); on JDK 21+ the JVM needs
 * {@code -XX:+AllowRedefinitionToAddDeleteMethods -XX:+EnableDynamicAgentLoading}. Install it once, early:
 *
 * <pre>{@code
 * BlockingGuard.install();
 * pipeline.run(source).await();   // a Thread.sleep in a CPU stage now fails that element, naming the stage
 * }</pre>
 *
 * <p>When the guard is not installed, the check costs one read of a static field per element.
 */
public final class BlockingGuard {
    private static final ThreadLocal<String> NON_BLOCKING_STAGE = new ThreadLocal<>();
    private static volatile boolean installed;

    private BlockingGuard() {}

    /**
     * Installs the guard for the whole JVM (idempotent).
     *
     * @throws FlowlineException when BlockHound is not on the classpath or cannot instrument this JVM
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Class.forName("reactor.blockhound.BlockHound");
        } catch (ClassNotFoundException e) {
            throw new FlowlineException("the blocking guard needs io.projectreactor.tools:blockhound on the classpath");
        }
        try {
            BlockHoundInstaller.install(NON_BLOCKING_STAGE);
        } catch (RuntimeException e) {
            throw new FlowlineException("could not install the blocking guard (on JDK 21+ run the JVM with "
                    + "-XX:+AllowRedefinitionToAddDeleteMethods -XX:+EnableDynamicAgentLoading): " + e.getMessage(), e);
        }
        installed = true;
    }

    /** True once {@link #install()} has succeeded. */
    public static boolean installed() {
        return installed;
    }

    /**
     * Applies {@code function} to {@code argument} as the body of the non-blocking stage {@code stage}: blocking
     * inside it is reported. Takes the function and its argument rather than a lambda, which a stage would allocate
     * for every element.
     */
    static <T, R> R nonBlocking(String stage, Function<? super T, ? extends R> function, T argument) {
        if (!installed) {
            return function.apply(argument);
        }
        String outer = NON_BLOCKING_STAGE.get();
        NON_BLOCKING_STAGE.set(stage);
        try {
            return function.apply(argument);
        } finally {
            if (outer == null) {
                NON_BLOCKING_STAGE.remove();
            } else {
                NON_BLOCKING_STAGE.set(outer);
            }
        }
    }
}
