package dev.flowline.benchmarks;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The {@code --tiny | --quick | --full} choice every benchmark command takes; quick when none is given. */
final class ProfileOptions {

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--tiny", description = "seconds: for the harness's own tests")
        boolean tiny;

        @Option(names = "--quick", description = "the default: a couple of minutes at most")
        boolean quick;

        @Option(names = "--full", description = "the documented figures: about ten minutes at most")
        boolean full;
    }

    String name() {
        if (choice == null || choice.quick) {
            return "quick";
        }
        return choice.tiny ? "tiny" : "full";
    }
}
