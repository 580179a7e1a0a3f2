package dev.flowline.http;

import dev.flowline.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import reactor.core.publisher.Mono;

/**
 * The blocking {@link Fetcher}: the JDK's HttpClient {@code send}, on the calling thread. Its internal tasks run on
 * virtual threads (the JDK's default executor would start platform threads, even for virtual-thread callers).
 * The JDK client opens one connection per concurrent caller; it has no pool limit to set.
 */
final class JdkFetcher implements Fetcher {

    private final FetchOptions options;
    private final ExecutorService executor;
    private final HttpClient client;

    JdkFetcher(FetchOptions options) {
        this.options = options;
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("flowline-fetch-jdk-", 0).factory());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)       // no h2c upgrade attempts on plain http
                .followRedirects(HttpClient.Redirect.NEVER) // FetchSession follows them, with loop detection
                .connectTimeout(options.connectTimeout())
                .executor(executor)
                .build();
    }

    /** Fetches on the subscribing thread, which it blocks: subscribe on a thread meant for blocking. */
    @Override
    public Mono<FetchResponse> fetch(String url) {
        return Mono.fromCallable(() -> get(url));
    }

    /** Fetches on the subscribing thread, which it blocks, like {@link #fetch}. */
    @Override
    public Mono<FetchResponse> fetchTruncated(String url, long maxBodyBytes) {
        BodyLimit bodyLimit = new BodyLimit(maxBodyBytes, true);
        return Mono.fromCallable(() -> get(new FetchSession(url, options, bodyLimit)));
    }

    @Override
    public FetchResponse get(String url) {
        return get(new FetchSession(url, options));
    }

    private FetchResponse get(FetchSession session) {
        FetchSession.Step step = session.begin();
        while (step.next() != null) {
            step = session.after(exchange(step.next(), session));
        }
        return step.response();
    }

    @Override
    public Kind kind() {
        return Kind.BLOCKING_IO;
    }

    @Override
    public FetchOptions options() {
        return options;
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }

    private Hop exchange(URI uri, FetchSession session) {
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(BlockingBody.shorter(options.responseTimeout(), session.deadline()))
                    .header("User-Agent", options.userAgent())
                    .header("Accept-Encoding", "gzip, deflate")
                    .GET();
            String authorization = options.authorization(uri);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofPublisher());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Hop.failed(new FetchFailure(FetchOutcome.FAILED, "interrupted while waiting for the response"));
        } catch (IOException | RuntimeException e) {
            return Hop.failed(e);
        }
        session.firstByte();
        int status = response.statusCode();
        Map<String, List<String>> headers = Hop.headers(sink -> response.headers().map().forEach(
                (name, values) -> values.forEach(value -> sink.accept(name, value))));
        BodyBuffer buffer = null;
        try {
            buffer = BodyBuffer.forResponse(headers, session.bodyLimit());
            BlockingBody.drain(response.body(), options.responseTimeout(), session.deadline(), buffer::add);
            return Hop.completed(status, headers, buffer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Hop.failed(new FetchFailure(FetchOutcome.FAILED, "interrupted while reading the body"), status, headers, buffer.size());
        } catch (IOException | RuntimeException e) {
            if (buffer == null) {
                BlockingBody.discard(response.body());
            }
            return Hop.failed(e, status, headers, buffer == null ? 0 : buffer.size());
        }
    }
}
