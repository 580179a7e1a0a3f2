package dev.flowline.samples.crawler;

/** Which fetcher a crawl uses, and so which kind of stage fetches: ASYNC_IO or BLOCKING_IO. */
public enum FetcherKind {
    /** Reactor Netty: the fetch stage is ASYNC_IO and never holds a thread while it waits. */
    NON_BLOCKING,
    /** The JDK HttpClient's blocking send: the fetch stage is BLOCKING_IO, a thread per fetch in flight. */
    BLOCKING;

    /** The name used on the command line: {@code non-blocking} or {@code blocking}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
