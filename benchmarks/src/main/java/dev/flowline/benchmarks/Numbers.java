package dev.flowline.benchmarks;

import java.util.Locale;

/** How the reports print figures: fixed precision, no locale surprises. */
final class Numbers {
    private Numbers() {}

    static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String mebibytes(long bytes) {
        return bytes < 0 ? "n/a" : decimal(bytes / (1024.0 * 1024), 1);
    }

    static String percent(double fraction) {
        return decimal(100 * fraction, 1) + "%";
    }
}
