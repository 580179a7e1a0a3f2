package dev.flowline.benchmarks;

import dev.flowline.site.Latency;
import dev.flowline.site.LocalSite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The server JVM of the fetch benchmark: one {@link LocalSite} per latency asked for (each on 127.0.0.1, a free port
 * and event loops of its own; 1,000 pages), all in this one JVM, so the server code the sweep warms up is the code
 * that answers the saturation and footprint points. Prints {@code URL <latency> <base url>} on stdout for each
 * once all listen, and stops when its standard input closes — so it never outlives the coordinator, even one that
 * was killed.
 *
 * <p>Arguments: the latencies, as the coordinator spells them ({@code 100ms}, {@code 5000ms}, {@code 0}).
 */
public final class SiteServer {
    static final String URL_PREFIX = "URL ";

    private SiteServer() {}

    /** Serves until standard input closes. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: SiteServer <latency>...");
            System.exit(2);
        }
        List<LocalSite> sites = new ArrayList<>();
        try {
            for (String latency : args) {
                LocalSite site = LocalSite.builder().pages(1000).latency(Latency.parse(latency)).start();
                sites.add(site);
                System.out.println(URL_PREFIX + latency + " " + site.baseUrl());
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
