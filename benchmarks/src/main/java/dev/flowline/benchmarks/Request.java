package dev.flowline.benchmarks;

/** One request of the closed loop: the page to fetch, and when the loop issued it (latency counts from there). */
record Request(String url, long issuedNanos) {
}
