package dev.flowline.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowline bench crawl}: the real crawler against the local site, each in its own JVM (issue #4's speed). */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Crawl the local site (in its own JVM) with the non-blocking crawler (in another): a warm-up "
                + "crawl, a saturation crawl at L = 0 (C = 256) and a sweep of concurrency at L = 50 ms, each measured "
                + "over steady windows with the CPU of both JVMs and of the machine. Writes crawl.csv, crawl.json, crawl.md "
                + "and bench-crawl-*.png charts."})
final class CrawlCommand implements Callable<Integer> {

    @Mixin
    ProfileOptions profile;

    @Option(names = "--crawler-jvm-option", paramLabel = "OPTION",
            description = "an option for the crawler's JVM, repeatable (to profile it: "
                    + "--crawler-jvm-option=-XX:StartFlightRecording=filename=crawl.jfr)")
    List<String> crawlerJvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CrawlProfile chosen = CrawlProfile.named(profile.name());
        BenchStart start = BenchStart.announce("crawl", chosen.name(), System.err);
        Path out = profile.out();
        List<CrawlPoint> crawls = new CrawlRun(chosen, crawlerJvmOptions, out.resolve("logs"), System.err).run();
        List<CrawlPoint> points = crawls.subList(1, crawls.size());
        CrawlResults results = new CrawlResults(profile.invocation(), chosen.name(), start.startedAt(), start.machine(),
                Machine.currentLoadAverage(), chosen.sitePages(), CrawlProfile.LINKS, CrawlProfile.PAGE_BYTES,
                chosen.sweepLatency().toMillis(), crawls.getFirst(), points, CrawlTargets.check(points));
        ReportText.printOutcome(results.targets(), CrawlReport.write(results, out), System.out);
        return 0;
    }
}
