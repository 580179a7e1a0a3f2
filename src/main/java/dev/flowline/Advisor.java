package dev.flowline;

import java.util.Locale;
import java.util.Optional;

/**
 * Advises, after a run, when a stage's declared kind looks wrong from how its function actually spent its time:
 * on a core (per-thread CPU time) or off it (waiting on I/O, a lock, a sleep). Advice only: Flowline never moves
 * work by itself, since a guess that goes wrong can multiply threads or starve a scheduler.
 *
 * <p>Time spent runnable but queued for a core counts as computing, not waiting: on a busy machine, or with more
 * threads than cores, even pure CPU work spends most of its wall time in the run queue. Where the run queue cannot
 * be read, how many cores the stage kept busy on average stands in for it.
 */
final class Advisor {
    /** Fewer samples than this say nothing reliable. */
    static final int MIN_SAMPLES = 16;
    private static final long SLOW_ASYNC_CALL_NANOS = 1_000_000;

    private Advisor() {}

    /**
     * @param cpuShare    CPU time / wall time of the sampled calls of the stage's function
     * @param queuedShare time runnable but waiting for a core / wall time of the same calls
     * @param coresBusy   the stage's estimated CPU time / the run's elapsed time
     * @param meanCallNanos mean wall time of one call of the function
     */
    static Optional<String> advise(String stage, String kind, int concurrency, long samples, double cpuShare,
                                   double queuedShare, double coresBusy, double meanCallNanos) {
        if (samples < MIN_SAMPLES) {
            return Optional.empty();
        }
        int usableCores = Math.min(concurrency, Runtime.getRuntime().availableProcessors());
        double computeShare = cpuShare + queuedShare;
        boolean computes = computeShare >= 0.8 || coresBusy >= 0.75 * usableCores;
        boolean waits = computeShare <= 0.3 && coresBusy < 0.5 * usableCores;
        String onCpu = percent(computeShare);
        return switch (kind) {
            case "BLOCKING_IO" -> computes
                    ? Optional.of(String.format(Locale.ROOT, "stage '%s' is declared BLOCKING_IO but spends %s of its "
                            + "time on CPU or queued for a core: declare it CPU", stage, onCpu))
                    : Optional.empty();
            case "CPU" -> waits
                    ? Optional.of(String.format(Locale.ROOT, "stage '%s' is declared CPU but waits %s of its time "
                            + "off CPU: declare it BLOCKING_IO", stage, percent(1 - computeShare)))
                    : Optional.empty();
            case "ASYNC_IO" -> meanCallNanos < SLOW_ASYNC_CALL_NANOS ? Optional.empty()
                    : Optional.of(String.format(Locale.ROOT, "stage '%s' is declared ASYNC_IO but its function takes "
                            + "%.1fms per element before returning its publisher (%s of it on CPU): %s", stage,
                            meanCallNanos / 1e6, onCpu, computeShare >= 0.5
                                    ? "move that computation to a CPU stage"
                                    : "it blocks; declare it BLOCKING_IO or use a non-blocking client"));
            default -> Optional.empty();
        };
    }

    private static String percent(double share) {
        return Math.round(Math.max(0, Math.min(1, share)) * 100) + "%";
    }
}
