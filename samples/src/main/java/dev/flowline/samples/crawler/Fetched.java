package dev.flowline.samples.crawler;

import dev.flowline.http.FetchResponse;

/**
 * A task after its fetch: the last response and how many attempts it took; no response when robots.txt kept it
 * from being fetched.
 */
record Fetched(CrawlTask task, FetchResponse response, int attempts) {

    static Fetched skipped(CrawlTask task) {
        return new Fetched(task, null, 0);
    }
}
