package dev.flowline.samples.concepts;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code flowline concept}: the classic lessons of concurrency tutorials, restated for the JVM and made runnable.
 * Each subcommand measures one idea on this machine and prints a table with one sentence saying what it shows;
 * docs/concepts.md explains them.
 */
@Command(
        name = "concept",
        mixinStandardHelpOptions = true,
        description = "Concurrency concepts, measured on this machine (see docs/concepts.md).",
        subcommands = {
            SerialParallelConcept.class,
            UnitsConcept.class,
            SyncAsyncConcept.class,
            IoCpuConcept.class,
            GilConcept.class,
            PrimitivesConcept.class,
            FactoryConcept.class,
        })
public final class ConceptCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing concept: choose one of the commands below.");
    }
}
