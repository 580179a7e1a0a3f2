package dev.flowline.samples.crawler;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a crawl so that Ctrl-C (SIGINT) or SIGTERM drains it instead of killing it: a shutdown hook asks the
 * crawler to stop, then holds the JVM open until the crawl has written its records and the caller has printed
 * its stats, for at most the drain timeout plus a grace period.
 *
 * <pre>{@code
 * int exit = ShutdownStop.around(crawler, config.drainTimeout(), () -> { var r = crawler.run(out, true, null); print(r); return 0; });
 * }</pre>
 */
public final class ShutdownStop {
    /** Time for the records to be flushed and the stats printed once the fetches are done or cancelled. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private ShutdownStop() {}

    /** Runs {@code work} (which runs {@code crawler} and reports on it) with the shutdown hook in place. */
    public static <T> T around(Crawler crawler, Duration drainTimeout, Supplier<T> work) {
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            crawler.stop();
            try {
                reported.await(drainTimeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "flowline-crawl-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the report is out
            }
        }
    }
}
