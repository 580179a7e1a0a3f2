package dev.flowline;

/**
 * What a stage does with an element whose processing failed after its retries: the element is never lost, it
 * ends up counted under exactly one of these outcomes in the stage's report.
 */
public enum ErrorPolicy {
    /** Fail the whole run with the element's error; elements still in flight are cancelled and counted so. */
    FAIL,
    /** Count the element as skipped, record the error in the report, and go on. */
    SKIP,
    /** Hand the element and its error to the pipeline's dead-letter sink, and go on. */
    DEAD_LETTER
}
