package dev.flowline;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * A real HTTP server and client on loopback, so async stages complete on a real Netty event loop. Register it as a
 * static {@code @RegisterExtension} field: it closes after the test class.
 */
final class LoopbackServer implements AutoCloseable, AfterAllCallback {
    private final LoopResources serverLoops = LoopResources.create("test-server", 1, true);
    private final ConnectionProvider pool = ConnectionProvider.builder("test-client")
            .maxConnections(64).pendingAcquireMaxCount(1024).build();
    private final DisposableServer server;
    private final HttpClient client;

    LoopbackServer() {
        server = HttpServer.create().host("127.0.0.1").port(0).runOn(serverLoops)
                .route(routes -> routes.get("/echo/{value}", (request, response) ->
                        response.sendString(Mono.just(request.param("value")))))
                .bindNow(Duration.ofSeconds(10));
        client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + server.port());
    }

    /** GET /echo/{value}: completes on one of the client's event loops. */
    Mono<String> echo(Object value) {
        return client.get().uri("/echo/" + value).responseContent().aggregate().asString();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.disposeNow();
        pool.dispose();
        serverLoops.dispose();
    }
}
