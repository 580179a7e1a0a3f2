package dev.flowline;

/**
 * A mistake in how a pipeline is declared or configured: a bad name, a bad value, an unknown override key. The
 * message names the offending value, so it can be shown to a user as it is.
 */
public class FlowlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FlowlineException(String message) {
        super(message);
    }

    public FlowlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
