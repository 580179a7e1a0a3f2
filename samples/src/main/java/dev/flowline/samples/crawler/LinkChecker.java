package dev.flowline.samples.crawler;

import java.io.PrintStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A link checker: crawls a site with a {@link Crawler} and reports every URL that failed (4xx, 5xx, timeout,
 * refused, reset...) with every page that links to it. URLs refused by robots.txt are not broken; URLs out of
 * scope are checked only when the config says so ({@link CrawlConfig#checkExternal()}).
 *
 * <pre>{@code
 * LinkReport report = new LinkChecker(CrawlConfig.builder(List.of(site)).build()).run(Writer.nullWriter(), null);
 * report.broken().forEach(link -> System.out.println(link.url() + " <- " + link.linkedFrom()));
 * }</pre>
 */
public final class LinkChecker {
    private final LinkGraph graph = new LinkGraph();
    private final Map<String, BrokenLink> failed = new LinkedHashMap<>();
    private final Crawler crawler;

    public LinkChecker(CrawlConfig config) {
        this.crawler = new Crawler(config, graph::add, this::observe);
    }

    /** The crawler underneath, to {@link Crawler#stop()} it. */
    public Crawler crawler() {
        return crawler;
    }

    /** Crawls and reports; the crawl's records go to {@code records} ({@code Writer.nullWriter()} to drop them). */
    public LinkReport run(Writer records, boolean closeRecords, PrintStream progress) {
        CrawlResult result = crawler.run(records, closeRecords, progress);
        List<BrokenLink> broken = new ArrayList<>();
        synchronized (failed) {
            Map<String, List<String>> linking = graph.linkingTo(failed.keySet());
            failed.values().forEach(link -> broken.add(new BrokenLink(link.url(), link.status(), link.outcome(),
                    link.error(), linking.get(link.url()))));
        }
        broken.sort(Comparator.comparing(BrokenLink::url));
        return new LinkReport(broken, result.summary(), result.failure());
    }

    private void observe(String url, int status, String outcome, String error) {
        if (CrawlStats.isError(status, outcome) && !outcome.equals(CrawlStats.CANCELLED)) {
            synchronized (failed) {
                failed.put(url, new BrokenLink(url, status, outcome, error, List.of()));
            }
        }
    }
}
