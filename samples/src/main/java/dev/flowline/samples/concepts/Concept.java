package dev.flowline.samples.concepts;

import dev.flowline.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code flowline concept} subcommand shares: validating its options (a bad value names itself and exits
 * with code 2), then measuring and printing to the command line's output, where tests can capture it.
 */
abstract class Concept implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Checks the options, failing through {@link #require}. */
    abstract void validate();

    /** Runs the measurements and prints their table. */
    abstract void measure(PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        measure(out);
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    /** A usage error naming {@code option} and its {@code value} unless {@code ok}. */
    final void require(boolean ok, String option, Object value, String rule) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': '" + value + "' (" + rule + ")");
        }
    }

    final void requireRange(String option, long value, long min, long max) {
        require(value >= min && value <= max, option, value, "expected " + min + " to " + max);
    }

    final void requireRange(String option, Duration value, Duration min, Duration max) {
        require(value.compareTo(min) >= 0 && value.compareTo(max) <= 0, option, Durations.format(value),
                "expected " + Durations.format(min) + " to " + Durations.format(max));
    }

    /** Blocks the calling thread for {@code duration}: the stand-in for a blocking call (JDBC, a file, a socket). */
    static <T> T sleep(Duration duration, T result) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sleeping", e);
        }
        return result;
    }
}
