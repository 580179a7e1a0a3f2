package dev.flowline.http;

/** A failure this package detects itself (a body too large, a bad Location...), already typed. */
final class FetchFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FetchOutcome outcome;

    FetchFailure(FetchOutcome outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    FetchOutcome outcome() {
        return outcome;
    }
}
