package dev.flowline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** {@link FetchOptions.Builder#basicAuth}: the credentials go to their origin only, redirects included; both fetchers. */
class FetchBasicAuthTest {

    private static final String EXPECTED = "Basic " + Base64.getEncoder().encodeToString("user:s3cret".getBytes(StandardCharsets.UTF_8));

    /** Two loopback servers, two origins: each answers /echo with the Authorization header it received. */
    @AutoClose("disposeNow")
    private final DisposableServer otherSite = echo("/echo");
    /** Its /away redirects to the other site. */
    @AutoClose("disposeNow")
    private final DisposableServer protectedSite = echo(url(otherSite, "/echo"));

    private static DisposableServer echo(String away) {
        return HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/echo", (request, response) -> response.sendString(
                                Mono.just(request.requestHeaders().get("Authorization", "(none)"))))
                        .get("/away", (request, response) -> response.status(302).header("Location", away).send()))
                .bindNow(Duration.ofSeconds(10));
    }

    private static String url(DisposableServer server, String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void credentialsGoToTheirOriginOnly(Client client) {
        FetchOptions options = FetchOptions.builder().basicAuth(url(protectedSite, "/"), "user", "s3cret").build();
        try (Fetcher fetcher = client.open(options)) {
            assertThat(fetcher.get(url(protectedSite, "/echo")).text()).isEqualTo(EXPECTED);
            assertThat(fetcher.get(url(otherSite, "/echo")).text()).isEqualTo("(none)");
            FetchResponse redirected = fetcher.get(url(protectedSite, "/away"));
            assertThat(redirected.finalUrl()).isEqualTo(url(otherSite, "/echo"));
            assertThat(redirected.text()).as("a redirect to another origin goes without them").isEqualTo("(none)");
            assertThat(options.toString()).doesNotContain("s3cret").doesNotContain(EXPECTED.substring(6))
                    .contains("basicAuth=[http://127.0.0.1:" + protectedSite.port() + "]");
        }
    }

    @Test
    void badCredentialsAreRefusedWithoutEchoingThem() {
        FetchOptions.Builder builder = FetchOptions.builder();

        assertThatThrownBy(() -> builder.basicAuth("ftp://127.0.0.1/", "user", "s3cret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("basic auth origin must be an http(s) URL, was 'ftp://127.0.0.1/'");
        assertThatThrownBy(() -> builder.basicAuth("http://127.0.0.1:8080/", "us:er", "s3cret"))
                .hasMessage("basic auth user for http://127.0.0.1:8080 must be given, without ':' or control characters");
        assertThatThrownBy(() -> builder.basicAuth("http://127.0.0.1/", "user", "s3\ncret"))
                .hasMessage("basic auth password for http://127.0.0.1:80 must be given, without control characters");
    }
}
