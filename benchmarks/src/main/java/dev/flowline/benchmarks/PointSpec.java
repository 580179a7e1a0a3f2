package dev.flowline.benchmarks;

/**
 * One step the coordinator asks a client JVM to run: what crosses to the client (as a line of JSON on its stdin).
 *
 * @param phase     {@link #WARMUP} (run, then thrown away), {@code sweep}, {@code saturation},
 *                  {@code saturation-2} or {@code footprint}
 * @param url       base URL of the site, ending in /
 * @param warmupMs  before the window, results thrown away (footprint: the ramp to C requests in flight)
 * @param measureMs the window (footprint: the hold)
 */
record PointSpec(String phase, String url, double latencyMs, int concurrency, long warmupMs, long measureMs) {
    static final String WARMUP = "warmup";
    static final String FOOTPRINT = "footprint";
}
