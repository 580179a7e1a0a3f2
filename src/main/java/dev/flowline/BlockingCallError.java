package dev.flowline;

/**
 * A blocking call was made where blocking is a bug: inside a CPU or ASYNC_IO stage, or on a non-blocking thread.
 * Raised by the {@link BlockingGuard}; the element fails with it, under the stage's error policy.
 */
public final class BlockingCallError extends Error {
    private static final long serialVersionUID = 1L;

    private final String stage;
    private final String call;

    BlockingCallError(String stage, String call, String thread) {
        super("blocking call " + call + " in " + (stage == null ? "a non-blocking thread" : "stage '" + stage + "'")
                + " on thread " + thread + (stage == null ? "" : ": the stage is declared non-blocking; declare it "
                + "BLOCKING_IO or remove the blocking call"));
        this.stage = stage;
        this.call = call;
    }

    /** The stage that blocked, or {@code null} when the call was outside any stage. */
    public String stage() {
        return stage;
    }

    /** The blocking method, such as {@code java.lang.Thread.sleep}. */
    public String call() {
        return call;
    }
}
