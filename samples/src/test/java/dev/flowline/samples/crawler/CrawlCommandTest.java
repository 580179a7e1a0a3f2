package dev.flowline.samples.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.samples.cli.FlowlineCommand;
import dev.flowline.site.LocalSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flowline crawl} end to end in-process, and its answers to bad seeds and bad options. */
class CrawlCommandTest {

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new FlowlineCommand());
        // Same conventions as CommandLines.execute, with the output captured.
        int exit = command.setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parse) -> {
                    line.getErr().println("flowline: " + e.getMessage());
                    return 1;
                })
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void crawlsToAFileAndPrintsStatsAsTextOrJson(@TempDir Path dir) throws Exception {
        try (LocalSite site = LocalSite.builder().pages(50).links(3).pageBytes(500).start()) {
            Path records = dir.resolve("crawl.jsonl");
            Result text = run("crawl", site.baseUrl(), "--max-pages", "25", "--host-delay", "0", "-o", records.toString());
            assertThat(text.exit()).as(text.err()).isZero();
            assertThat(Files.readAllLines(records)).hasSize(25);
            assertThat(text.out()).contains("crawl done: 25 URLs").contains("by status:").contains("by host:");
            Path seeds = dir.resolve("seeds.txt");
            Files.writeString(seeds, "# the site\n" + site.baseUrl() + "\n\n");
            Result json = run("crawl", "--seeds-file", seeds.toString(), "--max-pages", "10", "--host-delay", "0",
                    "--mode", "virtual", "--fetcher", "blocking", "--json", "-o", dir.resolve("b.jsonl").toString());
            assertThat(json.exit()).as(json.err()).isZero();
            assertThat(json.out()).contains("\"records\" : 10").contains("\"byOutcome\"");
        }
    }

    @Test
    void badSeedsAndBadOptionsAreUsageErrorsThatNameTheValue() {
        assertUsageError(run("crawl", "ftp://example.com/"), "ftp://example.com/");
        assertUsageError(run("crawl", "not-a-url"), "not-a-url");
        assertUsageError(run("crawl"), "Missing seed");
        assertUsageError(run("crawl", "http://127.0.0.1:1/", "--max-pages", "0"), "max pages must be at least 1, was 0");
        assertUsageError(run("crawl", "http://127.0.0.1:1/", "--per-host", "-3"), "-3");
        assertUsageError(run("crawl", "http://127.0.0.1:1/", "--fetcher", "fast"), "'fast' is not a fetcher");
        assertUsageError(run("crawl", "http://127.0.0.1:1/", "--mode", "turbo"), "turbo");
        assertUsageError(run("crawl", "http://127.0.0.1:1/", "--allow", "(unclosed"), "'(unclosed' is not a regular expression");
        assertUsageError(run("crawl", "http://127.0.0.1:1/", "--timeout", "soon"), "soon");
        assertUsageError(run("crawl", "--seeds-file", "/nonexistent/seeds.txt"), "/nonexistent/seeds.txt");
        assertUsageError(run("check-links", "mailto:someone@example.com"), "mailto:someone@example.com");
        assertUsageError(run("demo", "--pages", "0"), "--pages");
    }

    private static void assertUsageError(Result result, String named) {
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(named).doesNotContain("\tat ");
    }
}
