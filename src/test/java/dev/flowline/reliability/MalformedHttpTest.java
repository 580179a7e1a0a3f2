package dev.flowline.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.flowline.http.FetchOutcome.BAD_RESPONSE;
import static dev.flowline.http.FetchOutcome.OK;

import dev.flowline.Kind;
import dev.flowline.http.FetchOptions;
import dev.flowline.http.FetchOutcome;
import dev.flowline.http.FetchResponse;
import dev.flowline.http.Fetcher;
import dev.flowline.testing.ScriptedServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Responses the local site cannot send, from a scripted raw server, against both fetchers: missing and invalid
 * content types and charsets, malformed status lines and headers, conflicting or negative lengths, bad chunking,
 * huge headers, close-delimited bodies and a body trickled a few bytes at a time. Each ends in a typed outcome,
 * never an exception; where the two fetchers' HTTP parsers differ in strictness, the test pins what each does.
 */
class MalformedHttpTest {
    private static final FetchOptions QUICK = FetchOptions.builder()
            .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(2)).build();

    /** A raw response and the outcome each fetcher gives it (non-blocking, blocking). */
    private static Arguments response(String name, String raw, FetchOutcome nonBlocking, FetchOutcome blocking) {
        return Arguments.of(name, raw, nonBlocking, blocking);
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                response("no content type", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", OK, OK),
                response("unknown charset", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=no-such-charset\r\n"
                        + "Content-Length: 5\r\n\r\nhello", OK, OK),
                response("illegal charset name", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"b@d name\"\r\n"
                        + "Content-Length: 5\r\n\r\nhello", OK, OK),
                response("header line without a colon", "HTTP/1.1 200 OK\r\nThis line is not a header\r\n"
                        + "Content-Length: 5\r\n\r\nhello", OK, OK),
                response("header without a name", "HTTP/1.1 200 OK\r\n: no name\r\nContent-Length: 5\r\n\r\nhello",
                        BAD_RESPONSE, OK),
                response("header name with a space", "HTTP/1.1 200 OK\r\nBad Name: x\r\nContent-Length: 5\r\n\r\nhello",
                        OK, BAD_RESPONSE),
                response("not HTTP at all", "SSH-2.0-OpenSSH_9.2\r\n\r\n", BAD_RESPONSE, BAD_RESPONSE),
                response("status 999", "HTTP/1.1 999 Whatever\r\nContent-Length: 5\r\n\r\nhello", OK, OK),
                response("status without reason", "HTTP/1.1 200\r\nContent-Length: 5\r\n\r\nhello", OK, OK),
                response("conflicting lengths", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello!!",
                        BAD_RESPONSE, OK),
                response("negative length", "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nhello",
                        BAD_RESPONSE, BAD_RESPONSE),
                response("close-delimited HTTP/1.0 body", "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nbody",
                        OK, OK),
                response("bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
                        BAD_RESPONSE, BAD_RESPONSE),
                response("100 kB header", "HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(100_000)
                        + "\r\nContent-Length: 5\r\n\r\nhello", BAD_RESPONSE, OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void eachFetcherGivesATypedOutcome(String name, String raw, FetchOutcome nonBlocking, FetchOutcome blocking)
            throws IOException {
        for (Fetcher fetcher : List.of(Fetcher.nonBlocking(QUICK), Fetcher.blocking(QUICK))) {
            try (ScriptedServer server = ScriptedServer.answering(raw); fetcher) {
                FetchResponse response = fetcher.get(server.url());

                FetchOutcome expected = fetcher.kind() == Kind.ASYNC_IO ? nonBlocking : blocking;
                assertThat(response.outcome()).as("%s: %s", fetcher.kind(), response.detail()).isEqualTo(expected);
                if (expected == OK) {
                    assertThat(response.text()).as("falls back to UTF-8 for a bad charset").isNotEmpty();
                } else {
                    assertThat(response.detail()).isNotBlank();
                    assertThat(response.retryable()).isFalse();
                }
            }
        }
    }

    /** A body that keeps trickling within the idle timeout must still end: the fetch has a total time limit. */
    @ParameterizedTest
    @ValueSource(strings = {"non-blocking", "blocking"})
    void aTricklingBodyTimesOutAtTheTotalTimeLimit(String kind) throws IOException {
        String raw = "HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n" + "x".repeat(10_000);
        FetchOptions options = QUICK.toBuilder().maxFetchTime(Duration.ofSeconds(2)).build();
        try (ScriptedServer server = ScriptedServer.trickling(raw, 2, Duration.ofMillis(50));
                Fetcher fetcher = kind.equals("blocking") ? Fetcher.blocking(options) : Fetcher.nonBlocking(options)) {
            FetchResponse response = fetcher.get(server.url());

            assertThat(response.outcome()).as(response.detail()).isEqualTo(FetchOutcome.TIMEOUT);
            assertThat(response.retryable()).isTrue();
        }
    }
}
