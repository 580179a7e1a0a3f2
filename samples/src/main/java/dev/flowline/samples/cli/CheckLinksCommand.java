package dev.flowline.samples.cli;

import dev.flowline.LiveView;
import dev.flowline.samples.crawler.CrawlConfig;
import dev.flowline.samples.crawler.CrawlOptions;
import dev.flowline.samples.crawler.LinkChecker;
import dev.flowline.samples.crawler.LinkReport;
import dev.flowline.samples.crawler.ShutdownStop;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowline check-links}: crawls a site and lists its broken links with every page linking to each; exits 1
 * when there are any, so it can gate a CI job. See docs/crawler.md.
 */
@Command(name = "check-links", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Crawls a site and reports broken links (4xx, 5xx, timeouts, refused) with the pages that link "
                + "to each. Exit status 1 when any link is broken, 0 when none.")
final class CheckLinksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CrawlOptions crawl;

    @Option(names = "--external", description = "Also check links leaving the site (fetched, not followed).")
    boolean external;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write the crawl's JSONL records to FILE.")
    Path output;

    @Option(names = "--json", description = "Print the report as JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        CrawlConfig config = crawl.toConfig(spec, builder -> builder.checkExternal(external));
        Writer records = output == null ? Writer.nullWriter() : CrawlOptions.openRecords(output);
        LinkChecker checker = new LinkChecker(config);
        PrintWriter out = spec.commandLine().getOut();
        return ShutdownStop.around(checker.crawler(), config.drainTimeout(), () -> {
            LinkReport report = checker.run(records, true, LiveView.interactiveTerminal() ? System.err : null);
            out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
            out.flush();
            if (report.failure().isPresent()) {
                throw new IllegalStateException("link check failed: " + report.failure().get());
            }
            return report.broken().isEmpty() ? 0 : 1;
        });
    }
}
