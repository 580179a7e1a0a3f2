package dev.flowline.benchmarks;

import org.HdrHistogram.Histogram;

/** What one window measured. Latencies in milliseconds. */
record Measurement(long requests, long errors, String firstError, double seconds, double throughput,
                   double p50Ms, double p90Ms, double p99Ms, double maxMs, double cpuMicrosPerRequest,
                   StatusSampler.Peaks peaks) {

    static Measurement of(long requests, long errors, String firstError, long elapsedNanos, long cpuNanos,
                          Histogram micros, StatusSampler.Peaks peaks) {
        double seconds = elapsedNanos / 1e9;
        return new Measurement(requests, errors, firstError, seconds, requests / seconds,
                percentileMs(micros, 50), percentileMs(micros, 90), percentileMs(micros, 99),
                micros.getTotalCount() == 0 ? 0 : micros.getMaxValue() / 1_000.0,
                requests == 0 ? 0 : cpuNanos / 1_000.0 / requests, peaks);
    }

    private static double percentileMs(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1_000.0;
    }
}
