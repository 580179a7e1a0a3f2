package dev.flowline.benchmarks;

import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every benchmark command takes: {@code --tiny | --quick | --full} (quick when none is given) and
 * {@code --out DIR} (by default {@code bench-results/<command>}).
 */
final class ProfileOptions {

    @ArgGroup(exclusive = true)
    Choice choice;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the results (default: bench-results/<command>)")
    Path out;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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

    /** The one of {@code tiny}, {@code quick} and {@code full} that the profile {@code name} picks. */
    static <P> P pick(String name, P tiny, P quick, P full) {
        return switch (name) {
            case "tiny" -> tiny;
            case "quick" -> quick;
            case "full" -> full;
            default -> throw new IllegalArgumentException("unknown profile '" + name + "': use tiny, quick or full");
        };
    }

    Path out() {
        return out != null ? out : Path.of("bench-results", command.name());
    }

    /** The command line that ran, as a user would type it: written next to the figures it made. */
    String invocation() {
        return "flowline bench " + String.join(" ", command.root().commandLine().getParseResult().originalArgs());
    }
}
