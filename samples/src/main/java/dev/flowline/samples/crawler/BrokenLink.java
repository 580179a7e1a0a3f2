package dev.flowline.samples.crawler;

import java.util.List;

/**
 * A URL that failed (4xx, 5xx, timeout, refused, reset...) and every crawled page that links to it.
 *
 * @param url        the broken URL, normalized
 * @param status     its HTTP status, 0 when no response arrived
 * @param outcome    how the fetch ended, such as {@code OK} (with an error status) or {@code TIMEOUT}
 * @param error      what went wrong in words, or null
 * @param linkedFrom the pages that link to it (none for a broken seed)
 */
public record BrokenLink(String url, int status, String outcome, String error, List<String> linkedFrom) {
    public BrokenLink {
        linkedFrom = List.copyOf(linkedFrom);
    }
}
