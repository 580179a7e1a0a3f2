package dev.flowline.samples.cli;

import dev.flowline.LiveView;
import dev.flowline.Mode;
import dev.flowline.Pipeline;
import dev.flowline.Run;
import dev.flowline.Timeline;
import dev.flowline.report.RunReport;
import dev.flowline.samples.example.ExamplePipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import reactor.core.publisher.Flux;

/** {@code flowline example}: the guide's three-stage pipeline, run in each mode, with the reports side by side. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Runs a three-stage pipeline (async fetch, CPU parse, blocking store) in each execution mode "
                + "and prints the reports side by side.")
final class ExampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--elements", defaultValue = "200", description = "Elements to process (default: ${DEFAULT-VALUE}).")
    int elements;

    @Option(names = "--latency", defaultValue = "50ms", converter = DurationConverter.class,
            description = "Simulated non-blocking I/O latency of 'fetch' (default: ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(names = "--hash-rounds", defaultValue = "2000",
            description = "SHA-256 rounds per element in 'parse' (default: ${DEFAULT-VALUE}).")
    int hashRounds;

    @Option(names = "--store-time", defaultValue = "10ms", converter = DurationConverter.class,
            description = "Time 'store' blocks its thread per element (default: ${DEFAULT-VALUE}).")
    Duration storeTime;

    @Option(names = "--threads", defaultValue = "16",
            description = "Platform threads in THREADS mode (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--modes", split = ",", defaultValue = "SERIAL,THREADS,VIRTUAL,REACTIVE",
            description = "Modes to run, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Mode> modes;

    @Option(names = "--details", description = "Also print each run's full per-stage table.")
    boolean details;

    @Option(names = "--json", description = "Print the reports as a JSON array instead of tables.")
    boolean json;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write a Chrome trace (Perfetto) of every 5th element per stage; the mode's name is added "
                    + "before the extension, e.g. example.REACTIVE.json.")
    Path trace;

    @Option(names = "--pinning", description = "Report virtual-thread pinning per stage (JFR) in VIRTUAL mode.")
    boolean pinning;

    @Override
    public Integer call() throws IOException {
        Options.requirePositive(spec, "--elements", elements);
        Options.requireAtLeast(spec, "--hash-rounds", hashRounds, 0);
        Options.requirePositive(spec, "--threads", threads);
        Pipeline<Integer, String> pipeline = ExamplePipeline.create(latency, hashRounds, storeTime).threads(threads);
        PrintWriter out = spec.commandLine().getOut();
        List<RunReport> reports = new ArrayList<>();
        for (Mode mode : modes) {
            Pipeline<Integer, String> configured = pinning ? pipeline.mode(mode).reportPinning() : pipeline.mode(mode);
            Timeline timeline = Timeline.sampling(5, 200_000);
            if (trace != null) {
                configured = configured.recordTimeline(timeline);
            }
            Run<String> run = configured.run(Flux.range(0, elements));
            RunReport report;
            try (LiveView view = LiveView.show(run)) {
                report = run.await();
            }
            if (trace != null) {
                Path file = traceFile(mode);
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                timeline.writeChromeTrace(file);
                spec.commandLine().getErr().println("flowline: wrote " + timeline.events() + " trace events to " + file);
            }
            reports.add(report);
            if (details && !json) {
                out.println(report.toTable());
            }
        }
        if (json) {
            out.println(reports.stream().map(RunReport::toJson).collect(java.util.stream.Collectors.joining(",\n", "[", "]")));
        } else {
            out.printf("%d elements: fetch waits %s (non-blocking), parse hashes %d rounds (CPU), store blocks %s.%n%n",
                    elements, dev.flowline.Durations.format(latency), hashRounds,
                    dev.flowline.Durations.format(storeTime));
            out.print(RunReport.sideBySide(reports));
        }
        out.flush();
        return 0;
    }

    private Path traceFile(Mode mode) {
        String name = trace.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String modeName = dot < 0 ? name + "." + mode : name.substring(0, dot) + "." + mode + name.substring(dot);
        return trace.resolveSibling(modeName);
    }
}
