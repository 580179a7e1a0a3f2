package dev.flowline.samples.crawler;

/**
 * The URLs a crawl has admitted, as 64-bit hashes of their normalized form in a primitive open-addressing table:
 * about 16-24 bytes a URL whatever its length, so a million URLs take about 32 MB at most. The price is a false
 * positive (a new URL taken for a seen one, and not crawled) with the probability {@link UrlHash} states.
 * Thread-safe.
 *
 * <pre>{@code
 * SeenSet seen = new SeenSet(1 << 16);
 * seen.add("http://example.com/");   // true: new
 * seen.add("http://example.com/");   // false: seen
 * }</pre>
 */
final class SeenSet {
    private final LongIntHashMap table;

    SeenSet(int expected) {
        table = new LongIntHashMap(expected);
    }

    /** Adds a normalized URL; true when it was not seen before. */
    boolean add(String normalizedUrl) {
        return add(UrlHash.of(normalizedUrl));
    }

    /** Adds a URL by its {@link UrlHash}; true when it was not seen before. */
    synchronized boolean add(long urlHash) {
        return table.put(urlHash, 0) == LongIntHashMap.ABSENT;
    }

    boolean contains(String normalizedUrl) {
        return contains(UrlHash.of(normalizedUrl));
    }

    synchronized boolean contains(long urlHash) {
        return table.get(urlHash) != LongIntHashMap.ABSENT;
    }

    synchronized int size() {
        return table.size();
    }
}
