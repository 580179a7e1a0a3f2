package dev.flowline.samples.crawler;

/**
 * One URL admitted to the crawl: what flows through the pipeline, from the frontier to its JSONL record.
 * {@code order} is its rank of admission, which makes the crawl's choices (which URLs fit under the page cap, which
 * referrer a URL keeps) the same whatever the execution mode.
 */
final class CrawlTask {
    final String url;
    final String origin;
    final int depth;
    final String referrer;
    final long order;
    /** Fetched but not parsed: a link leaving the scope, checked only. */
    final boolean leaf;
    /** Set at dispatch when robots.txt forbids the URL: it is recorded, never fetched. */
    volatile String skip;
    /** Whether its record has been written; read and written under the record writer's lock only. */
    boolean recorded;

    CrawlTask(String url, int depth, String referrer, long order, boolean leaf) {
        this.url = url;
        this.origin = Scope.origin(url);
        this.depth = depth;
        this.referrer = referrer;
        this.order = order;
        this.leaf = leaf;
    }

    @Override
    public String toString() {
        return url;
    }
}
