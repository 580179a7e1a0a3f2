package dev.flowline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The windows of one crawl, as the crawler's JVM reads them, and the point they make. A window is steady when it is
 * measured and it and its neighbours hold records of one and the same depth: the crawler goes breadth-first one
 * depth at a time and stalls at the end of each (docs/crawler.md), so a window next to a depth barrier says more
 * about where the crawl stands in the site than about the crawler's speed. The point's figures are over its steady windows, or over
 * all its measured windows when none is steady (the point says which).
 */
final class CrawlWindows {
    private final long startNanos;
    private final long windowNanos;
    private final long settleNanos;
    private final long stopNanos;
    private final List<CrawlWindow> windows = new ArrayList<>();
    private final List<Histogram> fetchMillis = new ArrayList<>();
    private long lastNanos;
    private RecordMeter.Window lastCounts = new RecordMeter.Window(0, 0, -1, -1, null);
    private CpuTimes lastCpu;
    private long lastJitMillis;

    /**
     * @param cpu       the CPU times when the crawl started
     * @param jitMillis the crawler JVM's compilation time so far
     */
    CrawlWindows(long startNanos, long windowNanos, PointSpec spec, CpuTimes cpu, long jitMillis) {
        this.startNanos = startNanos;
        this.windowNanos = windowNanos;
        this.settleNanos = spec.warmupMs() * 1_000_000;
        this.stopNanos = settleNanos + spec.measureMs() * 1_000_000;
        this.lastNanos = startNanos;
        this.lastCpu = cpu;
        this.lastJitMillis = jitMillis;
    }

    /** When the crawl is to be stopped: the end of the measured interval. */
    long stopAtNanos() {
        return startNanos + stopNanos;
    }

    /** Ends a window at {@code nowNanos} with what the meter, {@code /proc} and the JIT's counter read then. */
    void add(long nowNanos, RecordMeter.Window counts, CpuTimes cpu, long jitMillis) {
        // Measured or not by the window's place in the crawl, not by the clock: a late tick moves no window out.
        long nominalStart = windows.size() * windowNanos;
        boolean measured = nominalStart >= settleNanos && nominalStart + windowNanos <= stopNanos;
        windows.add(new CrawlWindow((lastNanos - startNanos) / 1e9, (nowNanos - lastNanos) / 1e9, counts.records() - lastCounts.records(),
                counts.pages() - lastCounts.pages(), counts.hasRecords() ? counts.minDepth() : -1, counts.maxDepth(),
                (cpu.selfNanos() - lastCpu.selfNanos()) / 1e9, (cpu.otherNanos() - lastCpu.otherNanos()) / 1e9,
                (cpu.machineBusyNanos() - lastCpu.machineBusyNanos()) / 1e9, (jitMillis - lastJitMillis) / 1e3, measured,
                false));
        fetchMillis.add(counts.fetchMillis());
        lastNanos = nowNanos;
        lastCounts = counts;
        lastCpu = cpu;
        lastJitMillis = jitMillis;
    }

    /** The last window's compilation time, in seconds per second; 1 before the first window. */
    double lastJitShare() {
        return windows.isEmpty() ? 1 : windows.getLast().jitSeconds() / windows.getLast().seconds();
    }

    /**
     * The point these windows make.
     *
     * @param whole the crawl's counts at its end (after the stop and the drain of what was in flight)
     */
    CrawlPoint point(PointSpec spec, int cores, RecordMeter.Window whole, double wholeSeconds) {
        List<CrawlWindow> marked = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            CrawlWindow window = windows.get(i);
            marked.add(window.steady(window.measured() && sameDepth(window, i - 1) && sameDepth(window, i + 1)
                    && window.oneDepth()));
        }
        boolean anySteady = marked.stream().anyMatch(CrawlWindow::steady);
        List<CrawlWindow> basis = new ArrayList<>();
        Histogram fetch = new Histogram(3);
        for (int i = 0; i < marked.size(); i++) {
            if (anySteady ? marked.get(i).steady() : marked.get(i).measured()) {
                basis.add(marked.get(i));
                fetch.add(fetchMillis.get(i));
            }
        }
        boolean endedEarly = windows.size() * windowNanos < stopNanos;
        return CrawlPoint.of(spec, cores, marked, basis, anySteady, fetch, whole, wholeSeconds, endedEarly);
    }

    /** Whether the window at {@code index}, when there is one, holds records of {@code window}'s one depth. */
    private boolean sameDepth(CrawlWindow window, int index) {
        if (index < 0 || index >= windows.size()) {
            return true;
        }
        CrawlWindow other = windows.get(index);
        return other.oneDepth() && other.minDepth() == window.minDepth();
    }
}
