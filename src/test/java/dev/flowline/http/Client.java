package dev.flowline.http;

/** The two fetchers, so every test runs against both. */
enum Client {
    NON_BLOCKING,
    BLOCKING;

    Fetcher open(FetchOptions options) {
        return this == NON_BLOCKING ? Fetcher.nonBlocking(options) : Fetcher.blocking(options);
    }
}
