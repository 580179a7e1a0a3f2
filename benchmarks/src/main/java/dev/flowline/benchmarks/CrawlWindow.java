package dev.flowline.benchmarks;

/**
 * One window of a crawl in the crawl benchmark (a second, in the quick and full profiles): what the crawl wrote and
 * what CPU it took, between two readings of the crawl's output and of {@code /proc}.
 *
 * @param startSeconds     when it started, counted from the start of the crawl
 * @param records          JSONL records written (URLs attempted: pages, and URLs robots.txt refused)
 * @param pages            of those, pages fetched (outcome OK)
 * @param minDepth         the least depth among its records; -1 without records
 * @param maxDepth         the greatest; the two differ when the crawl moved to its next depth during the window
 * @param crawlerCpuSeconds CPU time of the crawler's JVM
 * @param siteCpuSeconds   CPU time of the site's JVM
 * @param machineBusyCpuSeconds CPU time of the whole machine, every process (other jobs included)
 * @param jitSeconds       time the crawler's JIT compilers spent compiling: while it is more than a trace, the
 *                         crawler's code is still warming up
 * @param measured         inside the point's measured interval (after its settling time)
 * @param steady           measured, and neither it nor the windows on either side crosses a depth barrier
 */
record CrawlWindow(double startSeconds, double seconds, long records, long pages, int minDepth, int maxDepth,
                   double crawlerCpuSeconds, double siteCpuSeconds, double machineBusyCpuSeconds, double jitSeconds,
                   boolean measured, boolean steady) {

    double pagesPerSecond() {
        return pages / seconds;
    }

    /** All its records are of one depth: no depth barrier inside it. */
    boolean oneDepth() {
        return minDepth >= 0 && minDepth == maxDepth;
    }

    CrawlWindow steady(boolean isSteady) {
        return new CrawlWindow(startSeconds, seconds, records, pages, minDepth, maxDepth, crawlerCpuSeconds,
                siteCpuSeconds, machineBusyCpuSeconds, jitSeconds, measured, isSteady);
    }
}
