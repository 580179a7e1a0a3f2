package dev.flowline.samples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of option values that picocli's types cannot express; a bad value is a usage error that names it. */
public final class Options {

    private Options() {}

    /** Fails with a usage error unless {@code value >= 1}. */
    public static void requirePositive(CommandSpec spec, String option, long value) {
        requireAtLeast(spec, option, value, 1);
    }

    /** Fails with a usage error unless {@code value >= minimum}. */
    public static void requireAtLeast(CommandSpec spec, String option, long value, long minimum) {
        if (value < minimum) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + value + " (must be at least " + minimum + ")");
        }
    }
}
