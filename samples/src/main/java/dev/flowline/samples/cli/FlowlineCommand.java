package dev.flowline.samples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code flowline} command line: one entry point for the samples, the crawlers, the demo and the local site.
 *
 * <p>Usage errors (unknown options, bad values) print the usage and exit with code 2; failures of a run exit
 * with code 1 and a one-line message, never a stack trace.
 */
@Command(
        name = "flowline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reactive pipelines whose stages declare their kind of work.",
        subcommands = {
            dev.flowline.samples.concepts.ConceptCommand.class,
            ExampleCommand.class,
            CrawlCommand.class,
            CheckLinksCommand.class,
            DemoCommand.class,
            SiteCommand.class,
        })
public final class FlowlineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of the commands below.");
    }

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new FlowlineCommand(), args));
    }
}
