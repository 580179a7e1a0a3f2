package dev.flowline.benchmarks;

import java.util.Locale;

/**
 * One measured point of the fetch benchmark: a variant at a concurrency and a server latency, as the client JVM
 * measured it. What crosses from a client JVM to the coordinator (as JSON), and one row of the CSV.
 *
 * @param phase                    {@code sweep}, {@code saturation}, {@code saturation-2} or {@code footprint}
 * @param idealThroughput          Little's law, C / L; {@code null} when L is 0
 * @param threadsAtPeak            the client's OS threads by kind when their count peaked; {@code null} where there
 *                                 is no {@code /proc}
 * @param idleRssBytes             footprint only: the client's RSS after a full GC, warmed up, nothing in flight
 * @param heldRssBytes             footprint only: the client's RSS after a full GC, C requests in flight
 * @param rssPerInFlightBytes      footprint only: (held RSS − idle RSS) / C
 * @param idleLiveHeapBytes        footprint only: heap in use after the full GC of the idle reading
 * @param heldLiveHeapBytes        footprint only: heap in use after the full GC of the held reading
 * @param liveHeapPerInFlightBytes footprint only: (held − idle live heap) / C, the live heap's part of the RSS
 *                                 per request; the rest is outside the live heap
 * @param heldAtSite               footprint only: the point's requests the site had received when the held
 *                                 reading was taken (C once every request has reached it)
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
        ThreadCensus threadsAtPeak,
        long peakRssBytes,
        long peakHeapBytes,
        double cpuMicrosPerRequest,
        Long idleRssBytes,
        Long heldRssBytes,
        Double rssPerInFlightBytes,
        Long idleLiveHeapBytes,
        Long heldLiveHeapBytes,
        Double liveHeapPerInFlightBytes,
        Integer heldAtSite) {

    static final String CSV_HEADER = "phase,variant,concurrency,latency_ms,requests,errors,seconds,throughput,"
            + "ideal_throughput,percent_of_ideal,p50_ms,p90_ms,p99_ms,max_ms,mean_in_flight,peak_os_threads,"
            + "peak_platform_threads,gc_threads,jit_threads,vm_threads,event_loop_threads,other_java_threads,"
            + "peak_rss_bytes,peak_heap_bytes,cpu_us_per_request,idle_rss_bytes,held_rss_bytes,rss_per_in_flight_bytes,"
            + "idle_live_heap_bytes,held_live_heap_bytes,live_heap_per_in_flight_bytes,held_at_site";

    /** A point that is not a footprint point. */
    static FetchPoint of(String phase, FetchVariant variant, int concurrency, double latencyMs, Measurement m) {
        return of(phase, variant, concurrency, latencyMs, m, null, null, null);
    }

    /**
     * A footprint point when {@code idle} and {@code held} are given: the memory read with nothing in flight, and
     * with C requests in flight, {@code heldAtSite} of them received by the site.
     */
    static FetchPoint of(String phase, FetchVariant variant, int concurrency, double latencyMs, Measurement m,
                         MemoryReading idle, MemoryReading held, Integer heldAtSite) {
        Double ideal = latencyMs > 0 ? concurrency * 1000.0 / latencyMs : null;
        boolean footprint = idle != null && held != null;
        return new FetchPoint(phase, variant.label(), concurrency, latencyMs, m.requests(), m.errors(), m.firstError(),
                m.seconds(), m.throughput(), ideal, m.p50Ms(), m.p90Ms(), m.p99Ms(), m.maxMs(),
                m.peaks().meanInFlight(), m.peaks().osThreads(), m.peaks().platformThreads(), m.peaks().threadsAtPeak(),
                m.peaks().rssBytes(), m.peaks().heapBytes(), m.cpuMicrosPerRequest(),
                footprint ? idle.rssBytes() : null, footprint ? held.rssBytes() : null,
                footprint ? (double) (held.rssBytes() - idle.rssBytes()) / concurrency : null,
                footprint ? idle.liveHeapBytes() : null, footprint ? held.liveHeapBytes() : null,
                footprint ? (double) (held.liveHeapBytes() - idle.liveHeapBytes()) / concurrency : null,
                footprint ? heldAtSite : null);
    }

    /** Throughput as a fraction of Little's law's C / L, or {@code null} when L is 0. */
    Double fractionOfIdeal() {
        return idealThroughput == null ? null : throughput / idealThroughput;
    }

    /** Footprint only: the RSS per request outside the live heap (native memory, stacks, heap beyond the live part). */
    Double outsideHeapPerInFlightBytes() {
        return rssPerInFlightBytes == null || liveHeapPerInFlightBytes == null ? null
                : rssPerInFlightBytes - liveHeapPerInFlightBytes;
    }

    String csvRow() {
        ThreadCensus kinds = threadsAtPeak;
        return String.join(",", phase, variant, String.valueOf(concurrency), fmt(latencyMs), String.valueOf(requests),
                String.valueOf(errors), fmt(seconds), fmt(throughput), fmt(idealThroughput),
                fractionOfIdeal() == null ? "" : fmt(100 * fractionOfIdeal()), fmt(p50Ms), fmt(p90Ms), fmt(p99Ms),
                fmt(maxMs), fmt(meanInFlight), String.valueOf(peakOsThreads), String.valueOf(peakPlatformThreads),
                kinds == null ? "" : String.valueOf(kinds.gc()), kinds == null ? "" : String.valueOf(kinds.jit()),
                kinds == null ? "" : String.valueOf(kinds.vm()), kinds == null ? "" : String.valueOf(kinds.eventLoop()),
                kinds == null ? "" : String.valueOf(kinds.otherJava()),
                String.valueOf(peakRssBytes), String.valueOf(peakHeapBytes), fmt(cpuMicrosPerRequest),
                str(idleRssBytes), str(heldRssBytes), fmt(rssPerInFlightBytes), str(idleLiveHeapBytes),
                str(heldLiveHeapBytes), fmt(liveHeapPerInFlightBytes), str(heldAtSite));
    }

    private static String str(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String fmt(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
