package dev.flowline.samples.crawler;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The live progress line of a crawl on a terminal, rewritten in place twice a second: done, in flight, queued,
 * errors, pages/s over the last interval. Only shown when the process has a terminal (see {@link dev.flowline.LiveView#interactiveTerminal()}),
 * so piped or redirected output stays clean.
 */
final class Progress implements AutoCloseable {
    private static final long INTERVAL_MILLIS = 500;

    private final PrintStream out;
    private final CrawlStats stats;
    private final Supplier<Frontier.Snapshot> frontier;
    private final Thread thread;
    private volatile boolean running = true;
    private int lastLength;

    Progress(PrintStream out, CrawlStats stats, Supplier<Frontier.Snapshot> frontier) {
        this.out = out;
        this.stats = stats;
        this.frontier = frontier;
        this.thread = Thread.ofPlatform().daemon().name("flowline-progress").start(this::loop);
    }

    private void loop() {
        long lastRecords = 0;
        long lastNanos = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long records = stats.records();
            double rate = (records - lastRecords) / ((now - lastNanos) / 1e9);
            lastRecords = records;
            lastNanos = now;
            Frontier.Snapshot snapshot = frontier.get();
            String line = String.format(Locale.ROOT, "done %d | in flight %d | queued %d | errors %d | %.0f pages/s",
                    records, snapshot.inFlight(), snapshot.queued(), stats.errors(), rate);
            synchronized (this) {
                if (running) {
                    out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
                    out.flush();
                    lastLength = line.length();
                }
            }
        }
    }

    /** Stops and clears the line, so what follows starts on a clean one. */
    @Override
    public synchronized void close() {
        running = false;
        thread.interrupt();
        if (lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
        }
    }
}
