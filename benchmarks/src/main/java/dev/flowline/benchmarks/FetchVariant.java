package dev.flowline.benchmarks;

import dev.flowline.scheduling.FlowlineSchedulers;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import reactor.core.scheduler.Schedulers;

/** The ways of fetching the fetch benchmark compares, all on the same workload. */
enum FetchVariant {
    SERIAL("blocking fetcher, one request at a time on one platform thread"),
    THREADS("blocking fetcher on a fixed pool of C platform threads"),
    ELASTIC("blocking fetcher on Reactor's shared boundedElastic (default cap: 10 x cores threads)"),
    VIRTUAL("blocking fetcher, one virtual thread per request"),
    NETTY("raw Reactor Netty HttpClient, flatMap with concurrency C"),
    FLOWLINE("the same Reactor Netty fetch in a Flowline Stage.async (REACTIVE mode, concurrency C)");

    final String description;

    FetchVariant(String description) {
        this.description = description;
    }

    /** The name used on the command line and in the results. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the variant can hold many requests in flight, so that a footprint point means something for it. */
    boolean concurrent() {
        return this != SERIAL;
    }

    /** A driver for this variant, able to run up to {@code maxConcurrency} fetches at once. */
    Driver open(int maxConcurrency) {
        return switch (this) {
            case SERIAL -> new BlockingDriver(c -> FlowlineSchedulers.platformPool("bench-serial", 1, 1), true);
            case THREADS -> new BlockingDriver(c -> FlowlineSchedulers.platformPool("bench-threads", c, c), false);
            case ELASTIC -> new BlockingDriver(c -> Schedulers.boundedElastic(), false);
            case VIRTUAL -> new BlockingDriver(c -> FlowlineSchedulers.virtualThreadPerTask("bench"), false);
            case NETTY -> new NonBlockingDriver(maxConcurrency, false);
            case FLOWLINE -> new NonBlockingDriver(maxConcurrency, true);
        };
    }

    static FetchVariant parse(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown variant '" + label + "': use "
                    + Arrays.stream(values()).map(FetchVariant::label).collect(Collectors.joining(", ")));
        }
    }
}
