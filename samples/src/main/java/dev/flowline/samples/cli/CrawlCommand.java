package dev.flowline.samples.cli;

import dev.flowline.Timeline;
import dev.flowline.samples.crawler.CrawlConfig;
import dev.flowline.samples.crawler.CrawlOptions;
import dev.flowline.samples.crawler.CrawlResult;
import dev.flowline.samples.crawler.Crawler;
import dev.flowline.samples.crawler.ShutdownStop;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowline crawl}: crawls from seed URLs and writes one JSONL record per URL attempted; see docs/crawler.md.
 * Ctrl-C stops it cleanly: fetches in flight finish (or are cancelled after the drain timeout), every record is
 * flushed and the stats printed.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Crawls a site from seed URLs (robots.txt, per-host politeness, retries) and writes one JSONL "
                + "record per URL attempted.")
final class CrawlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CrawlOptions crawl;

    @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "FILE",
            description = "Where to write the JSONL records; '-' for standard output (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--save-bodies", paramLabel = "DIR", description = "Save the bodies of 2xx responses under DIR.")
    Path bodiesDir;

    @Option(names = "--json", description = "Print the final stats as JSON instead of text.")
    boolean json;

    @Option(names = "--live", description = "On a terminal, show the pipeline's per-stage live view instead of the "
            + "progress line.")
    boolean live;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write a Chrome trace (Perfetto) of every 5th element of each stage to FILE.")
    Path trace;

    @Override
    public Integer call() {
        CrawlConfig config = crawl.toConfig(spec, builder -> builder.bodiesDir(bodiesDir));
        boolean toStdout = output.equals("-");
        Writer records = toStdout ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) : CrawlOptions.openRecords(Path.of(output));
        // Records on stdout push the stats to stderr, so the JSONL stays clean for a pipe.
        PrintWriter report = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        PrintStream progress = !live && dev.flowline.LiveView.interactiveTerminal() ? System.err : null;
        Crawler crawler = live ? new Crawler(config).showLiveView() : new Crawler(config);
        Timeline timeline = Timeline.sampling(5, 500_000);
        if (trace != null) {
            crawler.recordTimeline(timeline);
        }
        return ShutdownStop.around(crawler, config.drainTimeout(), () -> {
            CrawlResult result = crawler.run(records, !toStdout, progress);
            if (trace != null) {
                try {
                    timeline.writeChromeTrace(trace);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the trace " + trace, e);
                }
            }
            report.print(json ? result.summary().toJson() + System.lineSeparator() : result.summary().toText());
            report.flush();
            if (result.failure().isPresent()) {
                throw new IllegalStateException("crawl failed: " + result.failure().get());
            }
            return 0;
        });
    }
}
