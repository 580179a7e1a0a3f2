package dev.flowline.benchmarks;

/**
 * One performance target from issue #5 against what was measured. A target is never softened: when it is missed,
 * the report says so with the figure, and {@code note} says why when the harness can tell.
 *
 * @param status {@code met}, {@code missed} or {@code not measured} (this run's profile had no such point)
 */
record TargetCheck(String target, String measured, String status, String note) {

    static TargetCheck judged(String target, String measured, boolean met, String note) {
        return new TargetCheck(target, measured, met ? "met" : "missed", note);
    }

    static TargetCheck notMeasured(String target, String why) {
        return new TargetCheck(target, "-", "not measured", why);
    }
}
