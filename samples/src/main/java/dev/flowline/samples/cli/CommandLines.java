package dev.flowline.samples.cli;

import picocli.CommandLine;

/** Runs a picocli command with Flowline's conventions: usage errors exit 2, failures print one line and exit 1. */
public final class CommandLines {

    private CommandLines() {}

    /** Executes {@code command} with {@code args} and returns the exit code. */
    public static int execute(Object command, String... args) {
        return new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    String message = exception.getMessage() == null || exception instanceof java.io.IOException
                            ? exception.toString() : exception.getMessage();
                    commandLine.getErr().println(commandLine.getColorScheme().errorText("flowline: " + message));
                    return CommandLine.ExitCode.SOFTWARE;
                })
                .execute(args);
    }
}
