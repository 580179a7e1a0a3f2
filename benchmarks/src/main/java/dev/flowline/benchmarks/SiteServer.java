package dev.flowline.benchmarks;

import dev.flowline.site.Latency;
import dev.flowline.site.LocalSite;
import java.io.IOException;

/**
 * The server JVM of the fetch benchmark: a {@link LocalSite} on 127.0.0.1 and a free port, answering every page
 * after a fixed latency. Prints {@code URL <base url>} on stdout once it listens, and stops when its standard
 * input closes — so it never outlives the coordinator, even one that was killed.
 *
 * <p>Arguments: the latency ({@code 100ms}, {@code 5s}, {@code 0}) and optionally the number of pages.
 */
public final class SiteServer {
    static final String URL_PREFIX = "URL ";

    private SiteServer() {}

    /** Serves until standard input closes. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SiteServer <latency> [pages]");
            System.exit(2);
        }
        Latency latency = Latency.parse(args[0]);
        int pages = args.length == 2 ? Integer.parseInt(args[1]) : 1000;
        try (LocalSite site = LocalSite.builder().pages(pages).latency(latency).start()) {
            System.out.println(URL_PREFIX + site.baseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Nothing to read: the coordinator closing the pipe is the signal to stop.
            }
        }
    }
}
