package dev.flowline.report;

import dev.flowline.scheduling.ThreadKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one stage did in a run. Every element the stage received is counted in exactly one outcome, so
 * {@code in == out + filtered + failed + skipped + deadLettered + cancelled + inFlight} always holds (see
 * {@link #conserved()}); {@code retried} and {@code timedOut} count attempts, not elements.
 *
 * @param name         the stage's name
 * @param kind         the declared kind of work ({@code CPU}, {@code BLOCKING_IO}, {@code ASYNC_IO}), or {@code BATCH}
 * @param placement    where the run placed it, such as {@code parallel} or {@code virtual thread per element}
 * @param concurrency  the stage's bound on elements in flight, as the run applied it
 * @param in           elements received
 * @param out          elements emitted (for a batch step: elements emitted inside batches)
 * @param filtered     elements the stage dropped on purpose
 * @param failed       elements that failed the run (error policy FAIL)
 * @param skipped      elements skipped after an error (error policy SKIP, or a dead-letter sink that failed)
 * @param deadLettered elements handed to the dead-letter sink
 * @param cancelled    elements in flight when the run was cancelled or failed
 * @param inFlight     elements in the stage now (0 once the run has ended)
 * @param peakInFlight the most elements in the stage at once
 * @param running      elements whose function is running on a thread now (the rest of those in flight wait for a
 *                     thread, or for their I/O)
 * @param retried      retries made
 * @param timedOut     attempts that timed out
 * @param latency      time from entering the stage to leaving it
 * @param threads      how many elements each kind of thread ran
 * @param errors       the first few errors, as one-line messages
 * @param cpuShare     the share of the function's wall time spent on CPU, when it was measured (not on virtual
 *                     threads, whose CPU time the JVM does not give)
 * @param advice       a suggestion when the declared kind looks wrong for how the stage spent its time
 * @param pinned       times one of the stage's virtual threads blocked while pinned to its carrier (JFR
 *                     {@code jdk.VirtualThreadPinned}, 1 ms or longer), when the pipeline reports pinning
 * @param pinnedTime   the total time of those pins
 */
public record StageReport(String name, String kind, String placement, int concurrency, long in, long out,
                          long filtered, long failed, long skipped, long deadLettered, long cancelled, long inFlight,
                          long peakInFlight, long running, long retried, long timedOut, Latency latency,
                          Map<ThreadKind, Long> threads, List<String> errors, OptionalDouble cpuShare,
                          Optional<String> advice, long pinned, Duration pinnedTime) {

    public StageReport {
        threads = Map.copyOf(threads);
        errors = List.copyOf(errors);
    }

    /** True when every element received is accounted for by exactly one outcome. */
    public boolean conserved() {
        return in == out + filtered + failed + skipped + deadLettered + cancelled + inFlight;
    }
}
