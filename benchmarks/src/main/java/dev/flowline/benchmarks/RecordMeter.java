package dev.flowline.benchmarks;

import java.io.Writer;
import org.HdrHistogram.Histogram;

/**
 * Where the crawl benchmark's crawler writes its JSONL records: it keeps none, and counts them as they come, as
 * {@code wc -l} on a crawl's output would, reading three fields of each (the records are documented in
 * docs/crawler.md): {@code outcome} (an {@code OK} record is a page fetched), {@code depth}, and {@code fetch_ms}
 * (the fetch's time, in whole milliseconds). The crawler's JSON writer hands it text in chunks of a few thousand
 * characters, so counts lag the records by a few dozen at most.
 *
 * <p>Thread-safe: the crawler writes under its record lock, {@link #window()} is called from another thread.
 */
final class RecordMeter extends Writer {
    private static final String OK = "\"outcome\":\"OK\"";
    private static final String DEPTH = "\"depth\":";
    private static final String FETCH_MS = "\"fetch_ms\":";

    private final StringBuilder line = new StringBuilder(512);
    private long records;
    private long pages;
    private int minDepth = Integer.MAX_VALUE;
    private int maxDepth = -1;
    private Histogram fetchMillis = new Histogram(3);

    /** The counts so far, and the depths and fetch times since the last call. */
    record Window(long records, long pages, int minDepth, int maxDepth, Histogram fetchMillis) {
        boolean hasRecords() {
            return maxDepth >= 0;
        }
    }

    @Override
    public synchronized void write(char[] text, int offset, int length) {
        int end = offset + length;
        int from = offset;
        for (int i = offset; i < end; i++) {
            if (text[i] == '\n') {
                line.append(text, from, i - from);
                count();
                line.setLength(0);
                from = i + 1;
            }
        }
        line.append(text, from, end - from);
    }

    /** Ends the current window: its depths and fetch times start afresh. */
    synchronized Window window() {
        Window ended = new Window(records, pages, minDepth, maxDepth, fetchMillis);
        minDepth = Integer.MAX_VALUE;
        maxDepth = -1;
        fetchMillis = new Histogram(3);
        return ended;
    }

    private void count() {
        records++;
        int depth = (int) numberAfter(DEPTH);
        minDepth = Math.min(minDepth, depth);
        maxDepth = Math.max(maxDepth, depth);
        if (line.indexOf(OK) >= 0) {
            pages++;
            fetchMillis.recordValue(numberAfter(FETCH_MS));
        }
    }

    /** The number after {@code field} in the record: keys cannot occur inside JSON strings, whose quotes are escaped. */
    private long numberAfter(String field) {
        int at = line.indexOf(field);
        if (at < 0) {
            throw new IllegalStateException("a crawl record without " + field + ": " + line);
        }
        long value = 0;
        for (int i = at + field.length(); i < line.length() && Character.isDigit(line.charAt(i)); i++) {
            value = value * 10 + (line.charAt(i) - '0');
        }
        return value;
    }

    @Override
    public void flush() {
        // Nothing is kept.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
