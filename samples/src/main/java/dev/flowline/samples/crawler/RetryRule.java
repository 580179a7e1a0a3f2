package dev.flowline.samples.crawler;

import dev.flowline.http.FetchOutcome;
import dev.flowline.http.FetchResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * When a URL is fetched again: after a 5xx, a 429, a timeout, a reset or a refused connection, up to
 * {@code maxRetries} times, waiting {@code backoff * 2^(n-1)} before the n-th retry (no jitter: the host delay
 * already spreads retries); a 429 or 503 with Retry-After waits what the server asked instead, and ends the
 * retries when it asks for more than {@code maxWait}. Other 4xx and failures are final at once.
 *
 * <pre>{@code
 * new RetryRule(2, Duration.ofMillis(200), Duration.ofSeconds(30)).waitBefore(response, 1)  // Optional[PT0.2S]
 * }</pre>
 */
record RetryRule(int maxRetries, Duration backoff, Duration maxWait) {

    /** The wait before attempt {@code attemptsMade + 1}, or empty when {@code response} is final. */
    Optional<Duration> waitBefore(FetchResponse response, int attemptsMade) {
        if (attemptsMade > maxRetries || !retryable(response)) {
            return Optional.empty();
        }
        int status = response.status();
        Optional<Duration> asked = status == 429 || status == 503 ? response.retryAfter() : Optional.empty();
        if (asked.isPresent()) {
            return asked.get().compareTo(maxWait) > 0 ? Optional.empty() : asked;
        }
        Duration wait = backoff.multipliedBy(1L << Math.min(30, attemptsMade - 1));
        return Optional.of(wait.compareTo(maxWait) > 0 ? maxWait : wait);
    }

    /** Whether the server asked the whole host to wait (429 or 503 with Retry-After). */
    static Optional<Duration> hostHold(FetchResponse response) {
        int status = response.status();
        return response.outcome() == FetchOutcome.OK && (status == 429 || status == 503) ? response.retryAfter()
                : Optional.empty();
    }

    private static boolean retryable(FetchResponse response) {
        if (response.outcome() != FetchOutcome.OK) {
            return response.outcome().retryable();
        }
        return response.status() == 429 || response.status() >= 500;
    }
}
