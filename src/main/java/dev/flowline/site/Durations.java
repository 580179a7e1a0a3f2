package dev.flowline.site;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the short durations used on the command line and in latency specs: {@code 250us}, {@code 50ms}, {@code 2s}, {@code 1m}. */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m)");

    private Durations() {}

    /** Parses {@code text}; {@code whole} is the full value the user typed, named in the error. */
    static Duration parse(String text, String whole) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text.trim() + "' in '" + whole
                    + "' is not a duration: write a number and a unit, like 250us, 50ms, 2s or 1m");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double nanosPerUnit = switch (matcher.group(2)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }

    /** Formats {@code duration} the way {@link #parse} reads it, in the largest unit that keeps it whole. */
    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos / 1_000L + "us";
    }
}
