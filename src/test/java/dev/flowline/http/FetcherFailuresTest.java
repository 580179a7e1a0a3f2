package dev.flowline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.site.Latency;
import dev.flowline.site.LocalSite;
import dev.flowline.testing.ScriptedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

/** Failures that do not come from the site's faults: bad URLs, nothing listening, broken HTTP, a full pool. */
class FetcherFailuresTest {

    private static final FetchOptions QUICK = FetchOptions.builder()
            .connectTimeout(Duration.ofMillis(300)).responseTimeout(Duration.ofMillis(500)).build();

    @ParameterizedTest
    @EnumSource(Client.class)
    void badUrlsAreOutcomesNotExceptions(Client client) {
        try (Fetcher fetcher = client.open(QUICK)) {
            List<FetchResponse> responses = Flux.just("not a url", "", "http://", "/relative/path", "http://exa mple.com/")
                    .concatMap(fetcher::fetch).collectList().block();

            assertThat(responses).extracting(FetchResponse::outcome).containsOnly(FetchOutcome.BAD_URL);
            assertThat(responses.get(0).detail()).contains("'not a url'");
            assertThat(responses).allSatisfy(response -> assertThat(response.retryable()).isFalse());
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void onlyHttpAndHttpsAreFetched(Client client) {
        try (Fetcher fetcher = client.open(QUICK)) {
            FetchResponse ftp = fetcher.get("ftp://127.0.0.1/file.txt");
            FetchResponse mail = fetcher.get("mailto:someone@example.invalid");
            FetchResponse file = fetcher.get("file:///etc/passwd");

            assertThat(List.of(ftp, mail, file)).extracting(FetchResponse::outcome).containsOnly(FetchOutcome.UNSUPPORTED_SCHEME);
            assertThat(ftp.detail()).contains("ftp");
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aClosedPortIsRefused(Client client) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (Fetcher fetcher = client.open(QUICK)) {
            FetchResponse refused = fetcher.get("http://127.0.0.1:" + port + "/");

            assertThat(refused.outcome()).isEqualTo(FetchOutcome.CONNECT_REFUSED);
            assertThat(refused.retryable()).isTrue();
            assertThat(refused.status()).isZero();
        }
    }

    /** A listener whose accept queue is full drops new SYNs, so connecting hangs until the connect timeout. */
    @ParameterizedTest
    @EnumSource(Client.class)
    void aConnectionThatNeverOpensTimesOut(Client client) throws IOException {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = fillAcceptQueue(full);
            try (Fetcher fetcher = client.open(QUICK)) {
                FetchResponse response = fetcher.get("http://127.0.0.1:" + full.getLocalPort() + "/");

                assertThat(response.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
                assertThat(response.timing().firstByte()).isEmpty();
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    /** Responses no well-behaved server sends, each for both fetchers. */
    static Stream<Arguments> malformedResponses() {
        return Stream.of(Client.values()).flatMap(client -> Stream.of(
                Arguments.of(client, "HTTP/1.1 abc Whatever\r\nContent-Length: 0\r\n\r\n"),
                Arguments.of(client, "HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\nbody"),
                Arguments.of(client, "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 4\r\n\r\nbody")));
    }

    @ParameterizedTest
    @MethodSource("malformedResponses")
    void aMalformedResponseIsABadResponse(Client client, String response) throws IOException {
        try (ScriptedServer server = ScriptedServer.answering(response); Fetcher fetcher = client.open(QUICK)) {
            FetchResponse fetched = fetcher.get(server.url());

            assertThat(fetched.outcome()).as(fetched.detail()).isEqualTo(FetchOutcome.BAD_RESPONSE);
            assertThat(fetched.retryable()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aCorruptGzipBodyIsABadResponse(Client client) throws IOException {
        try (ScriptedServer server = ScriptedServer.answering("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 9\r\n\r\nnot gzip!");
                Fetcher fetcher = client.open(QUICK)) {
            FetchResponse response = fetcher.get(server.url());

            assertThat(response.outcome()).isEqualTo(FetchOutcome.BAD_RESPONSE);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.detail()).contains("gzip");
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aConnectionClosedBeforeAnyResponseIsAReset(Client client) throws IOException {
        try (ScriptedServer server = ScriptedServer.answering(""); Fetcher fetcher = client.open(QUICK)) {
            FetchResponse response = fetcher.get(server.url());

            assertThat(response.outcome()).as(response.detail()).isEqualTo(FetchOutcome.CONNECTION_RESET);
        }
    }

    @Test
    void theNonBlockingPoolRefusesRequestsBeyondItsPendingLimitInsteadOfQueueingWithoutBound() {
        try (LocalSite site = LocalSite.builder().latency(Latency.fixed(Duration.ofSeconds(1))).start();
                Fetcher fetcher = Fetcher.nonBlocking(FetchOptions.builder().maxConnections(1).maxPendingAcquires(1).build())) {
            List<FetchResponse> responses = Flux.range(0, 3)
                    .flatMap(i -> fetcher.fetch(site.url("/page/" + i)))
                    .collectList().block();

            assertThat(responses).extracting(FetchResponse::outcome)
                    .containsExactlyInAnyOrder(FetchOutcome.OK, FetchOutcome.OK, FetchOutcome.POOL_EXHAUSTED);
            assertThat(site.counters().requests()).isEqualTo(2);
            assertThat(site.counters().peakInFlight()).isEqualTo(1);
        }
    }

    private static List<Socket> fillAcceptQueue(ServerSocket server) throws IOException {
        List<Socket> queued = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return queued;
            }
        }
        throw new IllegalStateException("the accept queue never filled up: cannot provoke a connect timeout here");
    }
}
