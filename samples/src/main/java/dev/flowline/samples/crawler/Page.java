package dev.flowline.samples.crawler;

import java.util.List;

/**
 * A task after parsing: what its record says, and the links to hand to the frontier.
 *
 * @param fetched the fetch
 * @param title   the HTML title, or null
 * @param links   the distinct http(s) links found, normalized, in page order, with whether each is only to be checked
 * @param found   how many distinct http(s) links the page has, in scope or not
 */
record Page(Fetched fetched, String title, List<Frontier.Link> links, int found) {

    CrawlTask task() {
        return fetched.task();
    }
}
