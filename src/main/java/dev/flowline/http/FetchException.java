package dev.flowline.http;

/**
 * A fetch that did not succeed, as an exception, for pipelines that want failures as errors; thrown by
 * {@link FetchResponse#orThrow()}.
 *
 * <pre>{@code
 * fetcher.fetch(url).map(FetchResponse::orThrow)
 *        .retryWhen(Retry.backoff(3, Duration.ofMillis(100)).filter(e -> e instanceof FetchException f && f.retryable()))
 * }</pre>
 */
public final class FetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Not serialized: a response is a result to act on now, not to ship elsewhere. */
    private final transient FetchResponse response;

    /** Wraps a response that is not a success. */
    public FetchException(FetchResponse response) {
        super(message(response), null, false, false);
        this.response = response;
    }

    /** The response that failed. */
    public FetchResponse response() {
        return response;
    }

    /** How the fetch ended ({@link FetchOutcome#OK} with an error status for a 4xx or 5xx). */
    public FetchOutcome outcome() {
        return response.outcome();
    }

    /** Whether trying again later may succeed; see {@link FetchResponse#retryable()}. */
    public boolean retryable() {
        return response.retryable();
    }

    private static String message(FetchResponse response) {
        return response.outcome() == FetchOutcome.OK
                ? "GET " + response.url() + " answered " + response.status()
                : "GET " + response.url() + " failed: " + response.outcome() + " (" + response.detail() + ")";
    }
}
