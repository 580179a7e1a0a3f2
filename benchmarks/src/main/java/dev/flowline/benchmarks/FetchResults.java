package dev.flowline.benchmarks;

import java.util.List;

/** Everything one fetch benchmark run produced: what the JSON file holds, and what the other outputs are made from. */
record FetchResults(
        String command,
        String profile,
        String startedAt,
        Machine machine,
        String loadAverageAfter,
        double sweepLatencyMs,
        double footprintLatencyMs,
        List<FetchPoint> points,
        List<TargetCheck> targets) {
}
