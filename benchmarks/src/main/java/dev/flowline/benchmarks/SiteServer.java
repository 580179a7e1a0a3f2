package dev.flowline.benchmarks;

import dev.flowline.site.Latency;
import dev.flowline.site.LocalSite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;

/**
 * The server JVM of the fetch benchmark: one {@link LocalSite} per site asked for (each on 127.0.0.1, a free port
 * and event loops of its own; 1,000 pages), all in this one JVM, so the server code the sweep warms up is the code
 * that answers the saturation and footprint points. Prints {@code URL <name> <base url>} on stdout for each once all
 * listen, and stops when its standard input closes — so it never outlives the coordinator, even one that was killed.
 *
 * <p>Arguments: {@code name=latency} for each site, the latency as {@link Latency#parse} reads it ({@code 100ms},
 * {@code 5000ms}, {@code 0}).
 */
public final class SiteServer {
    static final String URL_PREFIX = "URL ";

    private SiteServer() {}

    /** The arguments that start the sites named, each with its latency. */
    static List<String> arguments(Map<String, Duration> latencies) {
        return latencies.entrySet().stream()
                .map(site -> site.getKey() + "=" + (site.getValue().isZero() ? "0" : site.getValue().toMillis() + "ms"))
                .toList();
    }

    /** Serves until standard input closes. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: SiteServer <name>=<latency>...");
            System.exit(2);
        }
        List<LocalSite> sites = new ArrayList<>();
        try {
            for (String site : args) {
                String[] nameAndLatency = site.split("=", 2);
                LocalSite started = LocalSite.builder().pages(1000).latency(Latency.parse(nameAndLatency[1])).start();
                sites.add(started);
                System.out.println(URL_PREFIX + nameAndLatency[0] + " " + started.baseUrl());
            }
            System.out.flush();
            while (System.in.read() >= 0) {
                // Nothing to read: the coordinator closing the pipe is the signal to stop.
            }
        } finally {
            sites.forEach(LocalSite::close);
        }
    }
}
