package dev.flowline.benchmarks;

import dev.flowline.site.Latency;
import dev.flowline.site.LocalSite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;

/**
 * The server JVM of the fetch and crawl benchmarks: one {@link LocalSite} per site asked for (each on 127.0.0.1, a
 * free port and event loops of its own), all in this one JVM, so the server code the first points warm up is the
 * code that answers the later ones. Prints {@code URL <name> <base url>} on stdout for each once all listen, and
 * stops when its standard input closes — so it never outlives the coordinator, even one that was killed.
 *
 * <p>Arguments: {@code [--pages=N] [--links=N] [--page-bytes=N]} (1,000 pages and the site's defaults otherwise),
 * then the sites: {@code name=latency}, or just {@code latency} for a site named after it, the latency as
 * {@link Latency#parse} reads it ({@code 100ms}, {@code 5000ms}, {@code 0}).
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
        List<String> siteArguments = new ArrayList<>();
        LocalSite.Builder shape = LocalSite.builder().pages(1000);
        for (String arg : args) {
            if (arg.startsWith("--pages=")) {
                shape.pages(Integer.parseInt(arg.substring("--pages=".length())));
            } else if (arg.startsWith("--links=")) {
                shape.links(Integer.parseInt(arg.substring("--links=".length())));
            } else if (arg.startsWith("--page-bytes=")) {
                shape.pageBytes(Integer.parseInt(arg.substring("--page-bytes=".length())));
            } else {
                siteArguments.add(arg);
            }
        }
        if (siteArguments.isEmpty()) {
            System.err.println("usage: SiteServer [--pages=N] [--links=N] [--page-bytes=N] [<name>=]<latency>...");
            System.exit(2);
        }
        List<LocalSite> sites = new ArrayList<>();
        try {
            for (String site : siteArguments) {
                String[] nameAndLatency = site.contains("=") ? site.split("=", 2) : new String[] {site, site};
                LocalSite started = shape.latency(Latency.parse(nameAndLatency[1])).start();
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

    /** The base URL per site name of a started site JVM, as it prints them once it listens. */
    static Map<String, String> urlsOf(ChildJvm site, int count) {
        Map<String, String> urls = new HashMap<>();
        while (urls.size() < count) {
            String line = site.readLine();
            if (line == null) {
                throw new IllegalStateException("the site JVM did not start: " + site.logTail());
            }
            if (line.startsWith(URL_PREFIX)) {
                String[] nameAndUrl = line.substring(URL_PREFIX.length()).trim().split(" ", 2);
                urls.put(nameAndUrl[0], nameAndUrl[1]);
            }
        }
        return urls;
    }
}
