package dev.flowline.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a whole run did: per stage, and for the process while it ran. Print it with {@link #toTable()}, export it
 * with {@link #toJson()}, or compare runs with {@link #sideBySide(List)}.
 *
 * @param pipeline        the pipeline's name
 * @param mode            the execution mode, such as {@code REACTIVE}
 * @param state           {@code RUNNING}, {@code COMPLETED}, {@code FAILED} or {@code CANCELLED}
 * @param failure         why the run failed, when it did
 * @param sourceElements  elements the source emitted into the pipeline
 * @param outputs         elements that left the last stage
 * @param elapsed         time from subscription to the end (or to now, while running)
 * @param peakThreads     the most live platform (OS) threads in the JVM during the run
 * @param peakHeapBytes   the most heap in use during the run (sum of the heap pools' peaks)
 * @param cpuTime         CPU time the whole process used during the run
 * @param stages          one report per stage, in pipeline order
 */
public record RunReport(String pipeline, String mode, String state, Optional<String> failure, long sourceElements,
                        long outputs, Duration elapsed, long peakThreads, long peakHeapBytes, Duration cpuTime,
                        List<StageReport> stages) {

    public RunReport {
        stages = List.copyOf(stages);
    }

    /** Outputs per second of elapsed time. */
    public double throughput() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : outputs / seconds;
    }

    /** True when every stage accounts for every element it received. */
    public boolean conserved() {
        return stages.stream().allMatch(StageReport::conserved);
    }

    /** The advice of every stage whose declared kind looks wrong (see {@link StageReport#advice()}). */
    public List<String> advice() {
        return stages.stream().flatMap(stage -> stage.advice().stream()).toList();
    }

    /** The report as a readable text table. */
    public String toTable() {
        return ReportText.table(this);
    }

    /** The report as a JSON object. */
    public String toJson() {
        return ReportJson.run(this);
    }

    /** Several runs of one pipeline (one per mode, say) as one table, a column per run. */
    public static String sideBySide(List<RunReport> runs) {
        return ReportText.sideBySide(runs);
    }
}
