package dev.flowline.benchmarks;

/**
 * One measured point of the fetch benchmark: a variant at a concurrency and a server latency, as the client JVM
 * measured it. What crosses from a client JVM to the coordinator (as JSON), and one row of the CSV.
 *
 * @param phase               {@code sweep}, {@code saturation} or {@code footprint}
 * @param idealThroughput     Little's law, C / L; {@code null} when L is 0
 * @param idleRssBytes        footprint only: the client's RSS after a full GC, warmed up, with nothing in flight
 * @param heldRssBytes        footprint only: the client's RSS after a full GC, with C requests in flight
 * @param rssPerInFlightBytes footprint only: (held RSS − idle RSS) / C
 */
record FetchPoint(
        String phase,
        String variant,
        int concurrency,
        double latencyMs,
        long requests,
        long errors,
        String firstError,
        double seconds,
        double throughput,
        Double idealThroughput,
        double p50Ms,
        double p90Ms,
        double p99Ms,
        double maxMs,
        double meanInFlight,
        int peakOsThreads,
        int peakPlatformThreads,
        long peakRssBytes,
        long peakHeapBytes,
        double cpuMicrosPerRequest,
        Long idleRssBytes,
        Long heldRssBytes,
        Double rssPerInFlightBytes) {

    static final String CSV_HEADER = "phase,variant,concurrency,latency_ms,requests,errors,seconds,throughput,"
            + "ideal_throughput,percent_of_ideal,p50_ms,p90_ms,p99_ms,max_ms,mean_in_flight,peak_os_threads,"
            + "peak_platform_threads,peak_rss_bytes,peak_heap_bytes,cpu_us_per_request,idle_rss_bytes,"
            + "held_rss_bytes,rss_per_in_flight_bytes";

    static FetchPoint of(String phase, FetchVariant variant, int concurrency, double latencyMs, Measurement m,
                         Long idleRssBytes, Long heldRssBytes) {
        Double ideal = latencyMs > 0 ? concurrency * 1000.0 / latencyMs : null;
        Double perInFlight = idleRssBytes == null || heldRssBytes == null ? null
                : (double) (heldRssBytes - idleRssBytes) / concurrency;
        return new FetchPoint(phase, variant.label(), concurrency, latencyMs, m.requests(), m.errors(), m.firstError(),
                m.seconds(), m.throughput(), ideal, m.p50Ms(), m.p90Ms(), m.p99Ms(), m.maxMs(),
                m.peaks().meanInFlight(), m.peaks().osThreads(), m.peaks().platformThreads(), m.peaks().rssBytes(),
                m.peaks().heapBytes(), m.cpuMicrosPerRequest(), idleRssBytes, heldRssBytes, perInFlight);
    }

    /** Throughput as a fraction of Little's law's C / L, or {@code null} when L is 0. */
    Double fractionOfIdeal() {
        return idealThroughput == null ? null : throughput / idealThroughput;
    }

    String csvRow() {
        return String.join(",", phase, variant, String.valueOf(concurrency), fmt(latencyMs), String.valueOf(requests),
                String.valueOf(errors), fmt(seconds), fmt(throughput), fmt(idealThroughput),
                fractionOfIdeal() == null ? "" : fmt(100 * fractionOfIdeal()), fmt(p50Ms), fmt(p90Ms), fmt(p99Ms),
                fmt(maxMs), fmt(meanInFlight), String.valueOf(peakOsThreads), String.valueOf(peakPlatformThreads),
                String.valueOf(peakRssBytes), String.valueOf(peakHeapBytes), fmt(cpuMicrosPerRequest),
                idleRssBytes == null ? "" : String.valueOf(idleRssBytes),
                heldRssBytes == null ? "" : String.valueOf(heldRssBytes), fmt(rssPerInFlightBytes));
    }

    private static String fmt(Double value) {
        return value == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
