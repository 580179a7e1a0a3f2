package dev.flowline.samples.crawler;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The crawl's running counts, updated by the stages and the record writer; thread-safe. */
final class CrawlStats {
    static final String CANCELLED = "CANCELLED";

    private final long startNanos = System.nanoTime();
    private final LongAdder records = new LongAdder();
    private final LongAdder fetched = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder invalidLinks = new LongAdder();
    private final LongAdder outOfScope = new LongAdder();
    private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byOutcome = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byHost = new ConcurrentHashMap<>();

    /** Counts one record: {@code status} 0 when no response, {@code outcome} as written. */
    void recorded(String origin, int status, String outcome, long bodyBytes, boolean wasFetched) {
        records.increment();
        if (wasFetched) {
            fetched.increment();
        }
        if (isError(status, outcome)) {
            errors.increment();
        }
        bytes.add(bodyBytes);
        count(byStatus, status == 0 ? "none" : String.valueOf(status));
        count(byOutcome, outcome);
        count(byHost, origin);
    }

    static boolean isError(int status, String outcome) {
        return !outcome.equals("OK") && !outcome.startsWith("ROBOTS_") || status >= 400;
    }

    void retried() {
        retries.increment();
    }

    void invalidLink() {
        invalidLinks.increment();
    }

    void outOfScope() {
        outOfScope.increment();
    }

    long records() {
        return records.sum();
    }

    long errors() {
        return errors.sum();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The counts now, with the frontier's, as the summary printed at the end. */
    CrawlSummary summary(Frontier.Snapshot frontier, boolean stopped) {
        return new CrawlSummary(records.sum(), fetched.sum(), errors.sum(), bytes.sum(), retries.sum(), elapsed(),
                stopped, frontier.queued(), frontier.beyondDepth(), frontier.overMaxPages(), frontier.frontierFull(),
                outOfScope.sum(), invalidLinks.sum(), sorted(byStatus), sorted(byOutcome), sorted(byHost));
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, ignored -> new LongAdder()).increment();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }
}
