package dev.flowline.benchmarks;

import java.util.List;
import java.util.Optional;

/** Checks the fetch benchmark's points against the targets of issue #5. */
final class FetchTargets {
    static final int TARGET_CONCURRENCY = 1000;
    static final double TARGET_LATENCY_MS = 100;
    static final double MAX_BYTES_PER_IN_FLIGHT = 10_000;

    private FetchTargets() {}

    static List<TargetCheck> check(List<FetchPoint> points, int cores) {
        return List.of(littlesLaw(points, cores), stageCost(points), footprint(points));
    }

    private static TargetCheck littlesLaw(List<FetchPoint> points, int cores) {
        int maxThreads = 2 * cores + 16;
        String target = "netty at L = 100 ms, C = 1,000: >= 97% of C / L with <= " + maxThreads
                + " live OS threads (2 x cores + 16)";
        Optional<FetchPoint> found = find(points, "sweep", "netty", TARGET_CONCURRENCY)
                .filter(point -> point.latencyMs() == TARGET_LATENCY_MS);
        if (found.isEmpty()) {
            return TargetCheck.notMeasured(target, "this profile has no netty point at L = 100 ms, C = 1,000");
        }
        FetchPoint point = found.get();
        boolean fastEnough = point.fractionOfIdeal() >= 0.97;
        boolean fewThreads = point.peakOsThreads() <= maxThreads;
        ThreadCensus kinds = point.threadsAtPeak();
        String measured = Numbers.decimal(point.throughput(), 0) + " req/s = " + Numbers.percent(point.fractionOfIdeal())
                + " of C / L; " + point.peakOsThreads() + " OS threads ("
                + (kinds == null ? "" : "at the peak " + kinds.describe() + "; ") + point.peakPlatformThreads()
                + " Java platform threads)";
        String note = fewThreads ? "" : "the OS thread count includes the JVM's own GC, JIT compiler and VM/service "
                + "threads, which the client's model does not choose; ";
        note += fastEnough ? "" : "throughput below 97% of C / L: see p99 and CPU per request";
        return TargetCheck.judged(target, measured, fastEnough && fewThreads, note);
    }

    private static TargetCheck stageCost(List<FetchPoint> points) {
        String target = "flowline (a Flowline stage) at L = 0: >= 95% of raw Reactor Netty's throughput";
        List<Double> raw = throughputs(points, "netty");
        List<Double> staged = throughputs(points, "flowline");
        if (raw.isEmpty() || staged.isEmpty()) {
            return TargetCheck.notMeasured(target, "run both the netty and flowline variants");
        }
        double rawMean = raw.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double stagedMean = staged.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (rawMean <= 0) {
            return TargetCheck.judged(target, "raw Reactor Netty completed no request", false, "see the client logs");
        }
        double ratio = stagedMean / rawMean;
        return TargetCheck.judged(target, "mean of " + staged.size() + " round(s): " + Numbers.decimal(stagedMean, 0)
                        + " vs " + Numbers.decimal(rawMean, 0) + " req/s = " + Numbers.percent(ratio) + " (rounds: flowline "
                        + rounds(staged) + "; netty " + rounds(raw) + ")", ratio >= 0.95,
                ratio >= 0.95 ? "" : "compare CPU per request of the two rows: the stage's bookkeeping runs per element");
    }

    /** The saturation throughputs of {@code variant}, every round. */
    private static List<Double> throughputs(List<FetchPoint> points, String variant) {
        return points.stream()
                .filter(point -> point.variant().equals(variant))
                .filter(point -> point.phase().equals("saturation") || point.phase().equals(FetchRun.SECOND_SATURATION))
                .map(FetchPoint::throughput)
                .toList();
    }

    private static String rounds(List<Double> throughputs) {
        return String.join(", ", throughputs.stream().map(value -> Numbers.decimal(value, 0)).toList());
    }

    private static TargetCheck footprint(List<FetchPoint> points) {
        String target = "netty, footprint point: <= 10 KB (10,000 bytes) of RSS per in-flight request";
        Optional<FetchPoint> found = find(points, "footprint", "netty", -1);
        if (found.isEmpty() || found.get().rssPerInFlightBytes() == null) {
            return TargetCheck.notMeasured(target, "run the netty variant");
        }
        FetchPoint point = found.get();
        double perRequest = point.rssPerInFlightBytes();
        boolean allAtSite = point.heldAtSite() != null && point.heldAtSite() >= point.concurrency();
        return TargetCheck.judged(target, Numbers.decimal(perRequest / 1000, 1) + " KB per request, "
                        + Numbers.decimal(point.liveHeapPerInFlightBytes() / 1000, 1) + " KB of it live heap ("
                        + Numbers.count(point.concurrency()) + " in flight)", perRequest <= MAX_BYTES_PER_IN_FLIGHT,
                allAtSite ? "" : "only " + point.heldAtSite() + " of the " + point.concurrency() + " requests had reached "
                        + "the site when the memory was read (the machine was too busy to send them all in time): the "
                        + "figure is low");
    }

    /** The point of {@code variant} in {@code phase}, at {@code concurrency} (any when it is -1). */
    static Optional<FetchPoint> find(List<FetchPoint> points, String phase, String variant, int concurrency) {
        return points.stream()
                .filter(point -> point.phase().equals(phase) && point.variant().equals(variant))
                .filter(point -> concurrency < 0 || point.concurrency() == concurrency)
                .findFirst();
    }
}
