package dev.flowline;

import java.util.Objects;

/**
 * An element a stage gave up on, with the reason: what a {@link ErrorPolicy#DEAD_LETTER} stage hands to the
 * pipeline's dead-letter sink.
 *
 * @param pipeline the pipeline's name
 * @param stage    the name of the stage that failed the element
 * @param element  the element as the stage received it
 * @param error    the last error, after retries
 */
public record DeadLetter(String pipeline, String stage, Object element, Throwable error) {
    public DeadLetter {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(error, "error");
    }
}
