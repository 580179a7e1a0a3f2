package dev.flowline.samples.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.samples.cli.FlowlineCommand;
import dev.flowline.site.Latency;
import dev.flowline.site.LocalSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a running {@code flowline crawl} (a child JVM, sent SIGINT): it stops taking URLs, drains, and every URL
 * the site was asked for has its record; the stats are printed. Waits are bounded; no time is asserted.
 */
class CrawlInterruptTest {

    @Test
    void sigintFlushesARecordForEveryRequestTheSiteServed(@TempDir Path dir) throws Exception {
        try (LocalSite site = LocalSite.builder().pages(5_000).links(10).pageBytes(800)
                .latency(Latency.fixed(Duration.ofMillis(100))).start()) {
            Path records = dir.resolve("crawl.jsonl");
            Path out = dir.resolve("stdout.txt");
            String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process crawl = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    FlowlineCommand.class.getName(), "crawl", site.baseUrl(), "--host-delay", "0", "--per-host", "16",
                    "--concurrency", "16", "--drain-timeout", "5s", "-o", records.toString())
                    .redirectOutput(out.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (site.counters().requests() < 60 && System.nanoTime() < deadline && crawl.isAlive()) {
                    Thread.sleep(50);
                }
                assertThat(site.counters().requests()).as("the crawl got going").isGreaterThanOrEqualTo(60);
                new ProcessBuilder("kill", "-INT", String.valueOf(crawl.pid())).start().waitFor(10, TimeUnit.SECONDS);
                assertThat(crawl.waitFor(60, TimeUnit.SECONDS)).as("the crawl ended after SIGINT").isTrue();
            } finally {
                crawl.destroyForcibly();
            }
            List<JsonNode> written = Crawls.parse(Files.readString(records));
            Set<String> recorded = written.stream().map(record -> record.get("url").asText()).collect(Collectors.toSet());
            assertThat(recorded).as("no URL recorded twice").hasSize(written.size());
            Set<String> requested = site.counters().paths().keySet().stream().filter(path -> !path.equals("/robots.txt"))
                    .map(path -> site.url(path).replace(site.url("/"), site.baseUrl())).collect(Collectors.toSet());
            assertThat(recorded).as("every URL the site served has a record").containsAll(requested);
            assertThat(site.counters().requests()).as("the crawl stopped well before the site's end").isLessThan(5_000);
            assertThat(Files.readString(out)).as(read(dir.resolve("stderr.txt"))).contains("crawl stopped:")
                    .contains(written.size() + " URLs");
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
