package dev.flowline.samples.cli;

import dev.flowline.site.Fault;
import dev.flowline.site.Latency;
import dev.flowline.site.LocalSite;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowline site}: serves the generated local site until SIGINT or SIGTERM, in its own JVM, so a benchmark's
 * server never shares the client's event loops. The first line of output names the URL, for scripts to parse:
 * {@code flowline site: serving 1000 pages at http://127.0.0.1:8080/}. Options are described in docs/site.md.
 */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = "Serves a generated website on 127.0.0.1 (pages, links, latency, faults, robots.txt, sitemap, "
                + "spider trap) and counts what it serves at /_flowline/stats. Runs until Ctrl-C.")
final class SiteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--hosts", defaultValue = "1",
            description = "Serve the site as this many hosts, one port each, from --port up (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--pages", defaultValue = "1000", description = "Pages, /page/0 to /page/N-1 (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--links", defaultValue = "10", description = "Links per page (default: ${DEFAULT-VALUE}).")
    int links;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the link graph, text, latency and faults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--page-bytes", defaultValue = "4096", description = "Approximate page size in bytes (default: ${DEFAULT-VALUE}).")
    int pageBytes;

    @Option(names = "--latency", defaultValue = "0", converter = LatencyConverter.class,
            description = "Delay before each answer: 50ms, uniform:10ms-90ms, normal:50ms,10ms or "
                    + "longtail:20ms,p99=500ms (default: ${DEFAULT-VALUE}).")
    Latency latency;

    @Option(names = "--fault-rate", defaultValue = "0",
            description = "Fraction of page URLs that answer with a fault, the same URLs every run (default: ${DEFAULT-VALUE}).")
    double faultRate;

    @Option(names = "--rate-faults", split = ",", converter = FaultConverter.class, paramLabel = "FAULT",
            description = "Faults drawn for --fault-rate, comma-separated slugs (default: 500,503,429,redirect-chain,"
                    + "reset,truncated,gzip).")
    List<Fault> rateFaults = new ArrayList<>();

    @Option(names = "--fault", paramLabel = "PREFIX=FAULT",
            description = "Answer every path under PREFIX with FAULT, e.g. --fault /page/7=503 (repeatable).")
    List<String> faults = new ArrayList<>();

    @Option(names = "--fault-delay", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long the slow and stall faults wait (default: ${DEFAULT-VALUE}).")
    Duration faultDelay;

    @Option(names = "--crawl-delay", defaultValue = "0", converter = DurationConverter.class,
            description = "Crawl-delay announced in robots.txt (default: ${DEFAULT-VALUE}).")
    Duration crawlDelay;

    @Option(names = "--event-loops", defaultValue = "2", description = "The site's event loop threads (default: ${DEFAULT-VALUE}).")
    int eventLoops;

    @Override
    public Integer call() throws InterruptedException {
        LocalSite.Builder builder = configure();
        LocalSite site = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            site.close();
            stopped.countDown();
        }, "flowline-site-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("flowline site: serving %d pages at %s%n", pages, site.baseUrl());
        site.baseUrls().stream().skip(1).forEach(url -> out.printf("flowline site: also as host %s%n", url));
        out.printf("flowline site: latency %s, fault rate %s, stats at %s; Ctrl-C stops%n", latency, faultRate,
                site.url("/_flowline/stats"));
        out.flush();
        stopped.await();
        return 0;
    }

    /** Hands every option to the builder; a value it refuses is a usage error that names it. */
    private LocalSite.Builder configure() {
        try {
            LocalSite.Builder builder = LocalSite.builder().host(host).port(port).hosts(hosts).pages(pages).links(links)
                    .seed(seed).pageBytes(pageBytes).latency(latency).faultDelay(faultDelay).crawlDelay(crawlDelay)
                    .eventLoops(eventLoops).faultRate(faultRate, rateFaults.toArray(Fault[]::new));
            for (String fault : faults) {
                int equals = fault.lastIndexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("--fault '" + fault + "' is not PREFIX=FAULT, like /page/7=503");
                }
                builder.fault(fault.substring(0, equals), Fault.named(fault.substring(equals + 1)));
            }
            return builder;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid option: " + e.getMessage());
        }
    }

    /** Reads {@code --latency}; a bad value is a usage error naming it. */
    static final class LatencyConverter extends Parsed<Latency> {
        LatencyConverter() {
            super(Latency::parse);
        }
    }

    /** Reads a fault by slug ({@code 503}, {@code reset}) or name; a bad value is a usage error naming it. */
    static final class FaultConverter extends Parsed<Fault> {
        FaultConverter() {
            super(Fault::named);
        }
    }

    /** A converter from a parse function that throws {@link IllegalArgumentException} naming the bad value. */
    abstract static class Parsed<T> implements CommandLine.ITypeConverter<T> {
        private final Function<String, T> parse;

        Parsed(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
