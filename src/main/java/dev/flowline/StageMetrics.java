package dev.flowline;

import dev.flowline.report.StageReport;
import dev.flowline.scheduling.ThreadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The live counters of one stage in one run. Written from many threads at once, so everything is an adder or an
 * atomic: recording an element costs a few uncontended atomic adds, and, when it is timed (see
 * {@link LatencyRecorder}), two clock reads and one latency record.
 */
final class StageMetrics {
    private static final int ERROR_SAMPLES = 10;

    final String name;
    final String kind;
    final String placement;
    final int concurrency;

    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAccumulator peakInFlight = new LongAccumulator(Math::max, 0);
    private final LongAdder[] threads = new LongAdder[ThreadKind.values().length];
    private final LatencyRecorder latencyNanos = new LatencyRecorder();
    private final LongAdder callsStarted = new LongAdder();
    private final LongAdder callsEnded = new LongAdder();
    private final CallSampler sampler = new CallSampler();
    private final LongAdder sampledCalls = new LongAdder();
    private final LongAdder sampledCpuNanos = new LongAdder();
    private final LongAdder sampledWallNanos = new LongAdder();
    private final LongAdder sampledRunQueueNanos = new LongAdder();
    private final LongAdder pinned = new LongAdder();
    private final LongAdder pinnedNanos = new LongAdder();
    private final AtomicInteger errorCount = new AtomicInteger();
    private final List<String> errors = new ArrayList<>();

    StageMetrics(String name, String kind, String placement, int concurrency) {
        this.name = name;
        this.kind = kind;
        this.placement = placement;
        this.concurrency = concurrency;
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new LongAdder();
        }
    }

    void entered() {
        in.increment();
        peakInFlight.accumulate(inFlight.incrementAndGet());
    }

    /**
     * Whether to time the element entering now, and with what weight: see {@link LatencyRecorder#weightOfNext()}.
     * 0 means untimed.
     */
    int latencyWeight() {
        return latencyNanos.weightOfNext();
    }

    /**
     * Records the element's one outcome and, if it was timed ({@code weight > 0}), how long it spent in the stage
     * since {@code startNanos}.
     */
    void left(Outcome outcome, long startNanos, int weight) {
        inFlight.decrementAndGet();
        switch (outcome) {
            case OUT -> out.increment();
            case FILTERED -> filtered.increment();
            case FAILED -> failed.increment();
            case SKIPPED -> skipped.increment();
            case DEAD_LETTERED -> deadLettered.increment();
            case CANCELLED -> cancelled.increment();
        }
        if (weight > 0 && outcome != Outcome.CANCELLED) {
            latencyNanos.record(System.nanoTime() - startNanos, weight);
        }
    }

    /** For steps that count in and out in bulk (batching), without per-element latency. */
    void passed(long elements) {
        out.add(elements);
    }

    void received(long elements) {
        in.add(elements);
    }

    /** Counts every element received but not yet accounted for as cancelled: what a cancelled batch drops. */
    void cancelRemaining() {
        long settled = out.sum() + filtered.sum() + failed.sum() + skipped.sum() + deadLettered.sum() + cancelled.sum();
        cancelled.add(Math.max(0, in.sum() - settled));
    }

    void ranOn(Thread thread) {
        threads[ThreadKind.of(thread).ordinal()].increment();
    }

    /**
     * Applies {@code call} (the stage's function, as placed) to {@code argument}, counting it as running and, for a sample of calls spread in time so
     * that measuring costs about 1% (see {@link CallSampler}), measuring its wall, CPU and run-queue time.
     */
    <T, R> R measured(Function<? super T, ? extends R> call, T argument) {
        callsStarted.increment();
        if (!sampler.claim()) {
            try {
                return call.apply(argument);
            } finally {
                callsEnded.increment();
            }
        }
        long readStart = System.nanoTime();
        long[] before = ThreadClock.read();
        long callStart = System.nanoTime();
        try {
            return call.apply(argument);
        } finally {
            long callEnd = System.nanoTime();
            long[] after = ThreadClock.read();
            callsEnded.increment();
            sampled(callEnd - callStart, before, after, callStart - readStart + System.nanoTime() - callEnd);
        }
    }

    /**
     * One measured call: its wall time, the thread's clocks ({@link ThreadClock#read()}) before and after it, and
     * what reading them cost. Clocks that are unknown (a virtual thread's) give no sample.
     */
    private void sampled(long wallNanos, long[] before, long[] after, long costNanos) {
        sampler.done(wallNanos, costNanos);
        if (before[0] < 0 || after[0] < 0) {
            return;
        }
        long cpu = Math.max(0, Math.min(after[0] - before[0], wallNanos));
        sampledCalls.increment();
        sampledWallNanos.add(wallNanos);
        sampledCpuNanos.add(cpu);
        sampledRunQueueNanos.add(Math.max(0, Math.min(after[1] - before[1], wallNanos - cpu)));
    }

    /** One of the stage's virtual threads was pinned to its carrier for {@code duration}. */
    void pinned(Duration duration) {
        pinned.increment();
        pinnedNanos.add(duration.toNanos());
    }

    void retried() {
        retried.increment();
    }

    void timedOut() {
        timedOut.increment();
    }

    void error(String message) {
        if (errorCount.getAndIncrement() < ERROR_SAMPLES) {
            synchronized (errors) {
                errors.add(message);
            }
        }
    }

    /** The report of this stage, with advice computed against the run's elapsed time so far. */
    StageReport snapshot(Duration runElapsed) {
        Map<ThreadKind, Long> threadCounts = new EnumMap<>(ThreadKind.class);
        for (ThreadKind kind : ThreadKind.values()) {
            long count = threads[kind.ordinal()].sum();
            if (count > 0) {
                threadCounts.put(kind, count);
            }
        }
        List<String> errorSamples;
        synchronized (errors) {
            errorSamples = List.copyOf(errors);
        }
        int moreErrors = errorCount.get() - errorSamples.size();
        if (moreErrors > 0) {
            errorSamples = new ArrayList<>(errorSamples);
            errorSamples.add("... and " + moreErrors + " more");
        }
        // Read the outcomes before "in" so that a snapshot taken mid-run never shows more outcomes than inputs.
        long outNow = out.sum(), filteredNow = filtered.sum(), failedNow = failed.sum(), skippedNow = skipped.sum(),
                deadNow = deadLettered.sum(), cancelledNow = cancelled.sum();
        long outcomes = outNow + filteredNow + failedNow + skippedNow + deadNow + cancelledNow;
        long inNow = in.sum();
        long samples = sampledCalls.sum();
        long wall = sampledWallNanos.sum();
        double cpuShare = wall == 0 ? 0 : (double) sampledCpuNanos.sum() / wall;
        double estimatedCpuNanos = samples == 0 ? 0 : (double) sampledCpuNanos.sum() * callsStarted.sum() / samples;
        double coresBusy = runElapsed.isZero() ? 0 : estimatedCpuNanos / runElapsed.toNanos();
        double queuedShare = wall == 0 ? 0 : (double) sampledRunQueueNanos.sum() / wall;
        Optional<String> advice = Advisor.advise(name, kind, concurrency, samples, cpuShare, queuedShare, coresBusy,
                samples == 0 ? 0 : (double) wall / samples);
        return new StageReport(name, kind, placement, concurrency, inNow, outNow, filteredNow, failedNow, skippedNow,
                deadNow, cancelledNow, Math.max(0, inNow - outcomes), peakInFlight.get(), Math.max(0, running()),
                retried.sum(), timedOut.sum(), latencyNanos.summary(outcomes - cancelledNow), threadCounts, errorSamples,
                samples == 0 ? OptionalDouble.empty() : OptionalDouble.of(cpuShare), advice, pinned.sum(),
                Duration.ofNanos(pinnedNanos.sum()));
    }

    /** Calls of the stage's function running now; read ended before started, so never negative but for a race. */
    private long running() {
        long ended = callsEnded.sum();
        return callsStarted.sum() - ended;
    }

    /** The one outcome of an element in a stage. */
    enum Outcome { OUT, FILTERED, FAILED, SKIPPED, DEAD_LETTERED, CANCELLED }
}
