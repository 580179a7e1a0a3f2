package dev.flowline.http;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the time of one fetch went, each measured from the moment the fetch started (redirects included).
 *
 * @param connect until the first connection was ready to send a request (a new one, or one from the pool);
 *                empty for the blocking fetcher, whose JDK client does not expose it
 * @param firstByte until the headers of the last response arrived; empty when none did
 * @param total until the fetch ended, successfully or not
 */
public record FetchTiming(Optional<Duration> connect, Optional<Duration> firstByte, Duration total) {}
