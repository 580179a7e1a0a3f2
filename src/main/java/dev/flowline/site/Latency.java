package dev.flowline.site;

import dev.flowline.Durations;
import dev.flowline.FlowlineException;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * How long the {@link LocalSite} waits before it answers a request: nothing, a fixed delay, or a distribution.
 * The site waits on a timer of its event loop, never by blocking it, so latency never limits how many requests
 * the site serves at once.
 *
 * <pre>{@code
 * LocalSite.builder().latency(Latency.fixed(Duration.ofMillis(50)))
 * LocalSite.builder().latency(Latency.parse("longtail:20ms,p99=500ms"))
 * }</pre>
 *
 * <p>The text form, read by {@link #parse(String)} and by {@code flowline site --latency}:
 * {@code 0}, {@code 50ms}, {@code uniform:10ms-90ms}, {@code normal:50ms,10ms} (mean, standard deviation; negative
 * samples become 0) and {@code longtail:20ms,p99=500ms} (log-normal with that median and 99th percentile).
 */
public final class Latency {

    /** z-score of the 99th percentile of a standard normal distribution. */
    private static final double Z_99 = 2.326348;

    private final String description;
    private final ToLongFunction<SplittableRandom> nanos;

    private Latency(String description, ToLongFunction<SplittableRandom> nanos) {
        this.description = description;
        this.nanos = nanos;
    }

    /** No delay: the site answers as soon as it can. */
    public static Latency none() {
        return new Latency("0", random -> 0L);
    }

    /** The same delay for every request. */
    public static Latency fixed(Duration delay) {
        long nanos = nonNegative(delay, "fixed latency").toNanos();
        return new Latency(format(delay), random -> nanos);
    }

    /** A delay drawn uniformly between {@code min} and {@code max}. */
    public static Latency uniform(Duration min, Duration max) {
        long low = nonNegative(min, "uniform latency minimum").toNanos();
        long high = nonNegative(max, "uniform latency maximum").toNanos();
        if (high < low) {
            throw new IllegalArgumentException("uniform latency maximum " + format(max)
                    + " is below its minimum " + format(min));
        }
        return new Latency("uniform:" + format(min) + "-" + format(max),
                random -> low == high ? low : random.nextLong(low, high + 1));
    }

    /** A normally distributed delay; samples below zero become zero. */
    public static Latency normal(Duration mean, Duration standardDeviation) {
        long mu = nonNegative(mean, "normal latency mean").toNanos();
        long sigma = nonNegative(standardDeviation, "normal latency standard deviation").toNanos();
        return new Latency("normal:" + format(mean) + "," + format(standardDeviation),
                random -> Math.max(0L, Math.round(mu + sigma * gaussian(random))));
    }

    /**
     * A long-tailed (log-normal) delay: half the requests wait less than {@code median}, one in a hundred waits
     * longer than {@code p99}.
     */
    public static Latency longTail(Duration median, Duration p99) {
        long m = nonNegative(median, "long-tail latency median").toNanos();
        long tail = nonNegative(p99, "long-tail latency p99").toNanos();
        if (m <= 0 || tail < m) {
            throw new IllegalArgumentException("long-tail latency needs 0 < median <= p99, was median "
                    + format(median) + " and p99 " + format(p99));
        }
        double sigma = Math.log((double) tail / m) / Z_99;
        return new Latency("longtail:" + format(median) + ",p99=" + format(p99),
                random -> Math.round(m * Math.exp(sigma * gaussian(random))));
    }

    /**
     * Reads the text form described above.
     *
     * @throws IllegalArgumentException naming {@code text} when it is not a latency
     */
    public static Latency parse(String text) {
        Objects.requireNonNull(text, "latency");
        String spec = text.trim();
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return spec.equals("0") ? none() : fixed(duration(spec, text));
        }
        String kind = spec.substring(0, colon);
        String[] arguments = spec.substring(colon + 1).split(kind.equals("uniform") ? "-" : ",", -1);
        if (arguments.length != 2) {
            throw new IllegalArgumentException("latency '" + text + "' is not one of: 50ms, uniform:10ms-90ms, "
                    + "normal:50ms,10ms, longtail:20ms,p99=500ms");
        }
        return switch (kind) {
            case "uniform" -> uniform(duration(arguments[0], text), duration(arguments[1], text));
            case "normal" -> normal(duration(arguments[0], text), duration(arguments[1], text));
            case "longtail" -> longTail(duration(arguments[0], text),
                    duration(arguments[1].replaceFirst("^\\s*p99=", ""), text));
            default -> throw new IllegalArgumentException("latency '" + text + "' has unknown distribution '" + kind
                    + "': use uniform, normal or longtail");
        };
    }

    /** Draws one delay in nanoseconds. */
    long sampleNanos(SplittableRandom random) {
        return nanos.applyAsLong(random);
    }

    /** The text form, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return description;
    }

    private static Duration duration(String part, String whole) {
        try {
            return Durations.parse(part);
        } catch (FlowlineException e) {
            throw new IllegalArgumentException("latency '" + whole + "': " + e.getMessage(), e);
        }
    }

    /** The shortest exact text {@link Durations#parse} reads back: {@code 2s}, {@code 50ms}, {@code 250us}. */
    private static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos % 1_000L == 0 ? nanos / 1_000L + "us" : nanos + "ns";
    }

    private static Duration nonNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + duration);
        }
        return duration;
    }

    /** A standard normal sample (Box-Muller), so the distribution depends only on the random's seed. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
