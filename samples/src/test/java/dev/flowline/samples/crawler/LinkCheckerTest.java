package dev.flowline.samples.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.samples.cli.CommandLines;
import dev.flowline.samples.cli.FlowlineCommand;
import dev.flowline.site.Fault;
import dev.flowline.site.LocalSite;
import dev.flowline.site.SiteCounters;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The link checker finds exactly the broken links the site was told to make, with the pages linking to them. */
class LinkCheckerTest {

    @Test
    void findsExactlyTheConfiguredFaultsAndEveryPageLinkingToThem() {
        // The prefix "/page/2" breaks /page/2 and /page/20-29; "/page/9" only /page/9 (40 pages).
        try (LocalSite site = LocalSite.builder().pages(40).links(3).seed(5).pageBytes(500)
                .fault("/page/2", Fault.SERVER_ERROR).fault("/page/9", Fault.TOO_MANY_REQUESTS).start()) {
            StringWriter records = new StringWriter();
            LinkReport report = new LinkChecker(Crawls.fast(site.baseUrl()).retries(0).maxDepth(100).build())
                    .run(records, true, null);
            // Exactly what the site answered with an error (each URL is fetched once), and nothing else.
            SiteCounters served = site.counters();
            assertThat(served.statuses().keySet()).containsOnly(200, 500, 429);
            assertThat(report.broken()).hasSize((int) (served.status(500) + served.status(429)));
            assertThat(report.broken().stream().filter(link -> link.status() == 500).count()).isEqualTo(served.status(500));
            assertThat(report.broken().stream().filter(link -> link.status() == 429).count()).isEqualTo(served.status(429));
            assertThat(report.broken()).allSatisfy(link -> {
                String path = pathOf(link.url(), site);
                assertThat(path.startsWith("/page/2") || path.equals("/page/9")).as(path).isTrue();
                assertThat(link.linkedFrom()).isNotEmpty();
            });
            assertThat(report.broken()).extracting(BrokenLink::url).contains(site.url("/page/2"), site.url("/page/9"));
            BrokenLink page2 = report.broken().stream().filter(link -> link.url().equals(site.url("/page/2"))).findFirst()
                    .orElseThrow();
            assertThat(page2.linkedFrom()).contains(site.url("/page/1")); // page n always links to page n+1
            List<String> crawled = Crawls.parse(records.toString()).stream().map(record -> record.get("url").asText()).toList();
            assertThat(crawled).containsAll(page2.linkedFrom());
            assertThat(report.toJson()).contains("\"brokenCount\" : " + report.broken().size());
            assertThat(report.toText()).contains("linked from " + site.url("/page/1"));
        }
    }

    @Test
    void exitStatusGatesACiJob() {
        try (LocalSite clean = LocalSite.builder().pages(20).links(2).pageBytes(500).start();
             LocalSite broken = LocalSite.builder().pages(20).links(2).pageBytes(500).fault("/page/5", Fault.SERVER_ERROR).start()) {
            assertThat(checkLinks(clean.baseUrl())).isZero();
            assertThat(checkLinks(broken.baseUrl())).isEqualTo(1);
        }
    }

    private static int checkLinks(String seed) {
        return CommandLines.execute(new FlowlineCommand(), "check-links", seed, "--host-delay", "0", "--per-host", "8",
                "--retries", "0", "--json");
    }

    private static String pathOf(String url, LocalSite site) {
        String path = url.substring(site.baseUrl().length() - 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
