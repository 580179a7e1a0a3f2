package dev.flowline.benchmarks;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Samples {@link ProcessStatus} and the number of requests in flight every few milliseconds on one daemon thread,
 * keeping the peaks (and the mean in flight) of the current window, and what the OS threads were when their count
 * peaked ({@link ThreadCensus}). The sampler's own thread counts in the thread figures, like the harness's main
 * thread: both are there in every variant.
 */
final class StatusSampler implements AutoCloseable {
    private static final long PERIOD_MILLIS = 20;
    /** While the thread count keeps rising, a census at most this often (4,000 threads take a while to name). */
    private static final long CENSUS_PERIOD_NANOS = 100_000_000;

    private final Thread thread;
    private final AtomicReference<Window> window = new AtomicReference<>();

    /**
     * The peaks seen in one window.
     *
     * @param threadsAtPeak the OS threads by kind when their count first reached its peak
     */
    record Peaks(long rssBytes, int osThreads, int platformThreads, long heapBytes, double meanInFlight,
                 ThreadCensus threadsAtPeak) {
    }

    private static final class Window {
        final IntSupplier inFlight;
        long rss;
        int osThreads;
        int platformThreads;
        long heap;
        long inFlightSum;
        long samples;
        ThreadCensus census;
        int censusCount = -1;
        long censusNanos;

        Window(IntSupplier inFlight) {
            this.inFlight = inFlight;
        }

        synchronized void add(ProcessStatus status) {
            rss = Math.max(rss, status.rssBytes());
            osThreads = Math.max(osThreads, status.osThreads());
            platformThreads = Math.max(platformThreads, status.platformThreads());
            heap = Math.max(heap, status.heapUsedBytes());
            inFlightSum += inFlight.getAsInt();
            samples++;
            if (status.osThreads() > censusCount
                    && (census == null || System.nanoTime() - censusNanos >= CENSUS_PERIOD_NANOS)) {
                takeCensus(status.osThreads());
            }
        }

        private void takeCensus(int count) {
            census = ThreadCensus.take();
            censusCount = count;
            censusNanos = System.nanoTime();
        }

        synchronized Peaks peaks() {
            if (osThreads > censusCount) {
                takeCensus(osThreads);  // the count rose again too soon after the last census: count them now
            }
            return new Peaks(rss, osThreads, platformThreads, heap, samples == 0 ? 0 : (double) inFlightSum / samples,
                    census);
        }
    }

    StatusSampler() {
        thread = Thread.ofPlatform().daemon().name("bench-sampler").start(this::sampleForever);
    }

    /** Starts a new window, sampling at once so that even a very short window has a sample. */
    void start(IntSupplier inFlight) {
        Window fresh = new Window(inFlight);
        fresh.add(ProcessStatus.now());
        window.set(fresh);
    }

    /** Ends the current window and returns its peaks, taking one last sample. */
    Peaks stop() {
        Window ended = window.getAndSet(null);
        ended.add(ProcessStatus.now());
        return ended.peaks();
    }

    private void sampleForever() {
        while (!Thread.currentThread().isInterrupted()) {
            Window current = window.get();
            if (current != null) {
                current.add(ProcessStatus.now());
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
