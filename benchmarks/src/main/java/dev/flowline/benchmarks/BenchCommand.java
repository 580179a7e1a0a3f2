package dev.flowline.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flowline bench}: the benchmarks behind every performance figure in docs/benchmarks.md.
 *
 * <pre>
 * flowline bench fetch --quick      blocking vs non-blocking fetch, each variant in its own JVM
 * flowline bench cpu --quick        a CPU-bound stage, serial vs parallel vs boundedElastic vs virtual threads
 * flowline bench overhead --quick   JMH: a Flowline stage vs the same chain in plain Reactor
 * flowline bench crawl --quick      the crawler against the local site, each in its own JVM: pages/s and CPU per page
 * </pre>
 *
 * <p>Exit status: 0 when the benchmark ran (missed targets are reported, not failed), 2 for a bad command line,
 * 1 when the benchmark could not run, with a one-line reason.
 */
@Command(name = "flowline bench", mixinStandardHelpOptions = true,
        subcommands = {FetchCommand.class, CpuCommand.class, OverheadCommand.class, CrawlCommand.class},
        description = "Benchmarks: fetch, cpu, overhead, crawl. Each writes CSV, JSON, Markdown and charts.")
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private BenchCommand() {}

    /** Runs the benchmark the arguments name. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> {
            failed.getErr().println("flowline bench: " + oneLine(error));
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: fetch, cpu, overhead or crawl");
    }

    private static String oneLine(Throwable error) {
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
