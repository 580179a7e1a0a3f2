package dev.flowline.samples.cli;

import dev.flowline.samples.demo.Demo;
import dev.flowline.samples.demo.DemoRun;
import dev.flowline.samples.demo.DemoTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowline demo}: crawls an in-process local site in every execution mode and compares the runs. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Starts a local site with latency, crawls it in each execution mode with each fitting fetcher, "
                + "and prints the runs side by side: pages/s, fetch latency, peak threads, peak heap, CPU time.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site-pages", defaultValue = "2000", description = "Pages on the local site (default: ${DEFAULT-VALUE}).")
    int sitePages;

    @Option(names = "--links", defaultValue = "10", description = "Links per page (default: ${DEFAULT-VALUE}).")
    int links;

    @Option(names = "--latency", defaultValue = "50ms", converter = DurationConverter.class,
            description = "The site's delay before each answer (default: ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(names = "--pages", defaultValue = "400", description = "Pages each crawl takes (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--serial-pages", defaultValue = "60",
            description = "Pages the SERIAL crawl takes, one at a time (default: ${DEFAULT-VALUE}).")
    int serialPages;

    @Option(names = "--concurrency", defaultValue = "100",
            description = "Fetches in flight, and THREADS mode's pool size (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--trace", paramLabel = "DIR",
            description = "Write a Chrome trace (Perfetto) of each crawl into DIR, as demo-<mode>-<fetcher>.json.")
    Path traces;

    @Option(names = "--json", description = "Print each run's pipeline report as JSON instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        Options.requirePositive(spec, "--site-pages", sitePages);
        Options.requirePositive(spec, "--links", links);
        Options.requirePositive(spec, "--pages", pages);
        Options.requirePositive(spec, "--serial-pages", serialPages);
        Options.requirePositive(spec, "--concurrency", concurrency);
        Demo.Settings settings = new Demo.Settings(sitePages, links, latency, pages, serialPages, concurrency);
        PrintWriter err = spec.commandLine().getErr();
        List<DemoRun> runs = (traces == null ? new Demo(settings) : new Demo(settings).tracesTo(traces)).run(run -> {
            err.printf("  %-26s %5d pages in %s%n", run.label(), run.summary().records(),
                    dev.flowline.Durations.format(run.report().elapsed()));
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        out.print(json
                ? runs.stream().map(run -> run.report().toJson()).collect(Collectors.joining(",\n", "[", "]\n"))
                : DemoTable.render(runs, settings));
        out.flush();
        return 0;
    }
}
