package dev.flowline.samples.crawler;

/** Told each record as it is written: what a link checker needs, without reading the JSONL back. */
@FunctionalInterface
interface RecordObserver {
    /** @param status 0 without a response; @param error what went wrong, or null */
    void recorded(String url, int status, String outcome, String error);
}
