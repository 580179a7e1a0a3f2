package dev.flowline.site;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** Answers every request of the {@link LocalSite}: counts it, waits its latency, then serves a page or a fault. */
final class SiteHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    static final String STATS_PATH = "/_flowline/stats";

    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String XML = "application/xml; charset=utf-8";
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._~-]*");
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int MAX_CHAIN = 1_000;
    private static final int MAX_FLAKY_TARGETS = 100_000;
    private static final long FAULT_SALT = 0xC2B2AE3D27D4EB4FL;

    private final SiteConfig config;
    private final Pages pages;
    private final Counters counters;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();
    private volatile List<String> origins = List.of();
    /** Completes once {@link SiteConfig#holdUntilInFlight()} requests are in flight; then every request passes. */
    private final Sinks.Empty<Void> hold = Sinks.empty();

    SiteHandler(SiteConfig config, Counters counters) {
        this.config = config;
        this.counters = counters;
        this.pages = new Pages(config.pages(), config.links(), config.seed(), config.pageBytes());
    }

    /** Tells the handler the origins of all the site's hosts, once they are bound, for links across hosts. */
    void origins(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        String target = target(request.uri());
        Exchange exchange = new Exchange(request, response, target);
        if (exchange.path.equals(STATS_PATH)) {
            return response.status(200).header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .sendString(Mono.just(counters.snapshot().toJson())).then();
        }
        String host = request.requestHeaders().get(HttpHeaderNames.HOST);
        String agent = request.requestHeaders().get(HttpHeaderNames.USER_AGENT);
        Counters.Gauge gauge = counters.begin(target, host == null ? "(none)" : host, agent == null ? "(none)" : agent);
        long delay = config.latency().sampleNanos(new SplittableRandom(Pages.mix(config.seed(), sequence.getAndIncrement())));
        return held(exchange)
                .then(Timers.after(exchange.loop, delay))
                .then(Mono.defer(() -> respond(exchange)))
                .doFinally(signal -> counters.end(gauge));
    }

    /** Waits until enough requests are in flight (or the hold times out), when the site holds requests at all. */
    private Mono<Void> held(Exchange exchange) {
        if (config.holdUntilInFlight() <= 0) {
            return Mono.empty();
        }
        if (counters.inFlight() >= config.holdUntilInFlight()) {
            hold.tryEmitEmpty(); // a concurrent emitter may win; either way the hold is released
        }
        return Mono.firstWithSignal(hold.asMono(), Timers.after(exchange.loop, config.holdAtMost().toNanos()));
    }

    private Mono<Void> respond(Exchange exchange) {
        Fault fault = faultFor(exchange);
        return fault != null ? fault(fault, exchange) : route(exchange);
    }

    /** The fault configured for this request: the longest matching prefix, else a seeded per-URL draw for pages. */
    private Fault faultFor(Exchange exchange) {
        String longest = null;
        for (String prefix : config.faultsByPrefix().keySet()) {
            if (exchange.path.startsWith(prefix) && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        if (longest != null) {
            return config.faultsByPrefix().get(longest);
        }
        boolean isPage = exchange.path.equals("/") || exchange.path.startsWith("/page/");
        if (!isPage || config.faultRate() <= 0) {
            return null;
        }
        long draw = Pages.mix(config.seed() ^ FAULT_SALT, exchange.target.hashCode());
        double unit = (draw >>> 11) * 0x1.0p-53;
        return unit < config.faultRate()
                ? config.rateFaults().get((int) Long.remainderUnsigned(Pages.mix(draw, 1), config.rateFaults().size()))
                : null;
    }

    private Mono<Void> route(Exchange exchange) {
        String path = exchange.path;
        if (path.equals("/")) {
            return exchange.send(200, HTML, pages.home());
        }
        if (path.startsWith("/page/")) {
            int n = index(path.substring("/page/".length()), pages.count() - 1);
            return n < 0 ? exchange.notFound() : exchange.send(200, HTML, pages.page(n, exchange.origin, origins));
        }
        if (path.equals("/robots.txt")) {
            return exchange.send(200, TEXT, pages.robots(exchange.origin, seconds(config.crawlDelay().toMillis()),
                    config.robotsBytes()));
        }
        if (path.equals("/sitemap.xml")) {
            return exchange.send(200, XML, pages.sitemap(exchange.origin));
        }
        if (path.startsWith("/sitemap/") && path.endsWith(".xml")) {
            int part = index(path.substring("/sitemap/".length(), path.length() - ".xml".length()), pages.sitemapParts() - 1);
            return part < 0 ? exchange.notFound() : exchange.send(200, XML, pages.sitemapPart(exchange.origin, part));
        }
        if (path.startsWith("/fault/")) {
            Fault fault = Fault.bySlug(path.substring("/fault/".length()));
            return fault == null ? exchange.notFound() : fault(fault, exchange);
        }
        if (path.startsWith("/redirect/chain/")) {
            int left = index(path.substring("/redirect/chain/".length()), MAX_CHAIN);
            if (left <= 0) {
                return left < 0 ? exchange.notFound() : exchange.send(200, HTML, pages.home());
            }
            // Alternate absolute and relative Locations, so clients must resolve both.
            return exchange.redirect(left % 2 == 1 ? exchange.origin + "/redirect/chain/" + (left - 1) : String.valueOf(left - 1));
        }
        if (path.startsWith("/redirect/loop/")) {
            int step = index(path.substring("/redirect/loop/".length()), 1);
            return step < 0 ? exchange.notFound() : exchange.redirect("/redirect/loop/" + (1 - step));
        }
        if (path.startsWith("/flaky/")) {
            return flaky(exchange);
        }
        if (path.startsWith("/trap/") && SAFE_PATH.matcher(path).matches()) {
            return exchange.send(200, HTML, pages.trap(path, Math.max(0, index(queryParameter(exchange.target, "page"), 1 << 20))));
        }
        if (path.startsWith("/private/") && SAFE_PATH.matcher(path).matches()) {
            return exchange.send(200, HTML, pages.privatePage(path));
        }
        return exchange.notFound();
    }

    /** {@code /flaky/N/...}: 503 for the first N requests of this exact target, then a page. */
    private Mono<Void> flaky(Exchange exchange) {
        String rest = exchange.path.substring("/flaky/".length());
        int failures = index(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest, MAX_CHAIN);
        if (failures < 0) {
            return exchange.notFound();
        }
        AtomicInteger attempts = flakyAttempts.size() < MAX_FLAKY_TARGETS || flakyAttempts.containsKey(exchange.target)
                ? flakyAttempts.computeIfAbsent(exchange.target, key -> new AtomicInteger())
                : new AtomicInteger(failures);
        if (attempts.incrementAndGet() <= failures) {
            exchange.response.header(HttpHeaderNames.RETRY_AFTER, "0");
            return exchange.send(503, TEXT, "Unavailable, try again\n");
        }
        return exchange.send(200, HTML, pages.home());
    }

    private Mono<Void> fault(Fault fault, Exchange exchange) {
        return switch (fault) {
            case SERVER_ERROR -> exchange.send(500, TEXT, "Internal Server Error\n");
            case UNAVAILABLE -> exchange.retryAfter().send(503, TEXT, "Service Unavailable\n");
            case TOO_MANY_REQUESTS -> exchange.retryAfter().send(429, TEXT, "Too Many Requests\n");
            case REDIRECT_CHAIN -> exchange.redirect("/redirect/chain/3");
            case REDIRECT_LOOP -> exchange.redirect("/redirect/loop/0");
            case INVALID_REDIRECT -> exchange.redirect("http://[bad");
            case REDIRECT_WITHOUT_LOCATION -> exchange.redirect(null);
            case REDIRECT_TO_FTP -> exchange.redirect("ftp://127.0.0.1/file.txt");
            case SLOW_FIRST_BYTE -> Timers.after(exchange.loop, config.faultDelay().toNanos())
                    .then(Mono.defer(() -> exchange.send(200, HTML, pageFor(exchange))));
            case STALLED_BODY -> stall(exchange, bytes(pageFor(exchange)));
            case RESET_MID_BODY -> reset(exchange, bytes(pageFor(exchange)));
            case TRUNCATED_HTML -> exchange.send(200, HTML, truncate(pageFor(exchange)));
            case BROKEN_HTML -> exchange.send(200, HTML, pages.brokenHtml());
            case BINARY -> exchange.send(200, "application/octet-stream", randomBytes(exchange, 4096));
            case PDF -> exchange.send(200, "application/pdf", pdf(exchange));
            case WRONG_CONTENT_TYPE -> exchange.send(200, HTML, randomBytes(exchange, 4096));
            case GZIP -> exchange.encoded("gzip").send(200, HTML, gzip(bytes(pageFor(exchange))));
            case DEFLATE -> exchange.encoded("deflate").send(200, HTML, deflate(bytes(pageFor(exchange))));
            case GZIP_BOMB -> exchange.encoded("gzip").send(200, HTML, Bomb.GZIP);
            case OVERSIZED -> exchange.stream(config.oversizedBytes(), true);
            case OVERSIZED_CHUNKED -> exchange.stream(config.oversizedBytes(), false);
        };
    }

    /** Headers and half the body, then the fault delay, then the rest. */
    private Mono<Void> stall(Exchange exchange, byte[] body) {
        int half = body.length / 2;
        exchange.commit(200, HTML).header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
        Mono<byte[]> rest = Timers.after(exchange.loop, config.faultDelay().toNanos())
                .then(Mono.fromSupplier(() -> Arrays.copyOfRange(body, half, body.length)));
        return exchange.response.sendByteArray(Flux.concat(Mono.just(Arrays.copyOf(body, half)), rest)).then();
    }

    /** Headers and half the body, flushed, then a TCP reset: SO_LINGER 0 makes close() send RST instead of FIN. */
    private Mono<Void> reset(Exchange exchange, byte[] body) {
        exchange.commit(200, HTML).header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
        Mono<byte[]> reset = Mono.fromRunnable(() -> exchange.response.withConnection(connection -> {
            connection.channel().flush();
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.channel().close();
        }));
        return exchange.response.sendByteArray(Flux.concat(Mono.just(Arrays.copyOf(body, body.length / 2)), reset)).then();
    }

    /** The page a fault at this path spoils: the page itself under {@code /page/}, the home page elsewhere. */
    private String pageFor(Exchange exchange) {
        int n = exchange.path.startsWith("/page/") ? index(exchange.path.substring("/page/".length()), pages.count() - 1) : -1;
        return n < 0 ? pages.home() : pages.page(n, exchange.origin, origins);
    }

    /** Cuts a page in the middle of a tag past its middle. */
    private static String truncate(String html) {
        int tag = html.indexOf("<a href", html.length() / 2);
        return html.substring(0, tag < 0 ? html.length() / 2 : tag + "<a hr".length());
    }

    private byte[] randomBytes(Exchange exchange, int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(Pages.mix(config.seed(), exchange.target.hashCode())).nextBytes(bytes);
        return bytes;
    }

    private byte[] pdf(Exchange exchange) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(bytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Length 1024 /Filter /FlateDecode >>\nstream\n"));
        pdf.writeBytes(randomBytes(exchange, 1024));
        pdf.writeBytes(bytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"));
        return pdf.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        return compress(data, GZIPOutputStream::new);
    }

    static byte[] deflate(byte[] data) {
        return compress(data, DeflaterOutputStream::new);
    }

    private interface Encoder {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] data, Encoder encoder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        try (OutputStream encoded = encoder.wrap(out)) {
            encoded.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A decimal in {@code [0, max]}, or -1 when {@code text} is anything else. */
    private static int index(String text, int max) {
        if (text == null || text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long value = Long.parseLong(text);
        return value <= max ? (int) value : -1;
    }

    private static String queryParameter(String target, String name) {
        int query = target.indexOf('?');
        if (query >= 0) {
            for (String pair : target.substring(query + 1).split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    }

    /** The request target without scheme and authority when a client sent the absolute form. */
    private static String target(String uri) {
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            int path = uri.indexOf('/', uri.indexOf("//") + 2);
            return path < 0 ? "/" : uri.substring(path);
        }
        return uri.isEmpty() ? "/" : uri;
    }

    /**
     * 64 MiB of zeros as 64 concatenated gzip members of 1 MiB each (a valid gzip stream of about 64 KiB), built in
     * milliseconds on first use rather than by compressing 64 MiB on an event loop.
     */
    private static final class Bomb {
        static final byte[] GZIP = repeat(gzip(new byte[1024 * 1024]), 64);

        private static byte[] repeat(byte[] member, int times) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(member.length * times);
            for (int i = 0; i < times; i++) {
                out.writeBytes(member);
            }
            return out.toByteArray();
        }
    }

    /** One request and its response, with what the handlers need to answer it. */
    private final class Exchange {
        final HttpServerResponse response;
        final String target;
        final String path;
        final String origin;
        EventLoop loop;

        Exchange(HttpServerRequest request, HttpServerResponse response, String target) {
            this.response = response;
            this.target = target;
            int query = target.indexOf('?');
            this.path = query < 0 ? target : target.substring(0, query);
            this.origin = "http://" + authority(request);
            response.withConnection(connection -> loop = connection.channel().eventLoop());
        }

        /** Counts the status, sets it and the content type: the last step before bytes leave. */
        HttpServerResponse commit(int status, String contentType) {
            counters.status(status);
            return response.status(status).header(HttpHeaderNames.CONTENT_TYPE, contentType);
        }

        Mono<Void> send(int status, String contentType, String body) {
            return send(status, contentType, bytes(body));
        }

        Mono<Void> send(int status, String contentType, byte[] body) {
            commit(status, contentType).header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
            return response.sendByteArray(Mono.just(body)).then();
        }

        Mono<Void> notFound() {
            return send(404, TEXT, "Not Found\n");
        }

        Mono<Void> redirect(String location) {
            if (location != null) {
                response.header(HttpHeaderNames.LOCATION, location);
            }
            return send(302, TEXT, "Moved\n");
        }

        Exchange retryAfter() {
            response.header(HttpHeaderNames.RETRY_AFTER, "1");
            return this;
        }

        Exchange encoded(String encoding) {
            response.header(HttpHeaderNames.CONTENT_ENCODING, encoding);
            return this;
        }

        /** Streams {@code size} bytes of filler HTML in chunks, as they are written, never all in memory. */
        Mono<Void> stream(long size, boolean declareLength) {
            HttpServerResponse committed = commit(200, HTML);
            if (declareLength) {
                committed.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(size));
            }
            Flux<byte[]> chunks = Flux.<byte[], Long>generate(() -> size, (left, sink) -> {
                if (left <= 0) {
                    sink.complete();
                    return 0L;
                }
                sink.next(left >= CHUNK_BYTES ? Filler.CHUNK : Arrays.copyOf(Filler.CHUNK, (int) (long) left));
                return left - CHUNK_BYTES;
            });
            return response.sendByteArray(chunks).then();
        }

        /** The Host header when it is a plain host[:port], else the address the request came in on. */
        private static String authority(HttpServerRequest request) {
            String host = request.requestHeaders().get(HttpHeaderNames.HOST);
            if (host != null && SAFE_HOST.matcher(host).matches()) {
                return host;
            }
            InetSocketAddress local = request.hostAddress();
            String address = local == null ? "127.0.0.1" : local.getHostString();
            return (address.contains(":") ? "[" + address + "]" : address) + (local == null ? "" : ":" + local.getPort());
        }
    }

    /** One chunk of filler HTML for oversized bodies. */
    private static final class Filler {
        static final byte[] CHUNK = fill();

        private static byte[] fill() {
            byte[] line = bytes("<p>filler filler filler filler filler filler filler filler filler filler.</p>\n");
            byte[] chunk = new byte[CHUNK_BYTES];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = line[i % line.length];
            }
            return chunk;
        }
    }
}
