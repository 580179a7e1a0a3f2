package dev.flowline;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations the way people write them in configuration and on command lines: {@code 250ms}, {@code 2s},
 * {@code 1.5s}, {@code 5m}, {@code 1h}, {@code 100us}, {@code 0}, or ISO-8601 such as {@code PT2S}.
 *
 * <pre>{@code
 * Duration latency = Durations.parse("50ms");
 * }</pre>
 */
public final class Durations {
    private static final Pattern HUMAN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");

    private Durations() {}

    /**
     * Parses {@code text}, or throws a {@link FlowlineException} whose message quotes it.
     *
     * @throws FlowlineException when the text is not a non-negative duration
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FlowlineException("missing duration: expected a value such as 250ms, 2s or 1m");
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        Matcher human = HUMAN.matcher(trimmed);
        if (human.matches()) {
            double amount = Double.parseDouble(human.group(1));
            double nanosPerUnit = switch (human.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            double nanos = amount * nanosPerUnit;
            if (nanos > Long.MAX_VALUE) {
                throw new FlowlineException("duration '" + text + "' is too long");
            }
            return Duration.ofNanos(Math.round(nanos));
        }
        try {
            Duration iso = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (iso.isNegative()) {
                throw new FlowlineException("duration '" + text + "' is negative");
            }
            return iso;
        } catch (DateTimeParseException e) {
            throw new FlowlineException("bad duration '" + text + "': expected a value such as 250ms, 2s or 1m");
        }
    }

    /** Formats {@code duration} compactly for reports: {@code 850us}, {@code 12.3ms}, {@code 2.50s}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 1_000_000) {
            return (nanos / 1_000) + "us";
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }
}
