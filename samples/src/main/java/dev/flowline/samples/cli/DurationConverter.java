package dev.flowline.samples.cli;

import dev.flowline.Durations;
import dev.flowline.FlowlineException;
import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code 250ms}, {@code 2s}, {@code 1m} on the command line; a bad value is a usage error naming it. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (FlowlineException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
