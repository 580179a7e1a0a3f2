package dev.flowline;

/**
 * An element failed in a stage: wraps the cause with the pipeline, stage and element so that a failed run says
 * exactly where and on what it failed.
 */
public final class StageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stage;
    private final transient Object element;

    StageException(String pipeline, String stage, Object element, Throwable cause) {
        super("pipeline '" + pipeline + "', stage '" + stage + "' failed on " + Elements.describe(element) + ": "
                + describe(cause), cause, false, true);
        this.stage = stage;
        this.element = element;
    }

    /** The name of the stage that failed. */
    public String stage() {
        return stage;
    }

    /** The element the stage failed on. */
    public Object element() {
        return element;
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : error.getClass().getSimpleName() + ": " + message;
    }
}
