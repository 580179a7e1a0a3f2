package dev.flowline.samples.crawler;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Measures what the crawl's bounded structures hold at their cap: a {@link SeenSet} of 1,000,000 URLs and a
 * {@link Frontier} queue of 1,000,000 tasks of realistic URLs (about 85 characters), then the heap in use after a
 * full GC. Run it under the heap the docs promise:
 *
 * <pre>
 * java -Xmx512m -cp samples/target/classes:$(cat samples/target/classpath.txt) dev.flowline.samples.crawler.FrontierMemory
 * </pre>
 */
public final class FrontierMemory {
    private FrontierMemory() {}

    public static void main(String[] args) {
        int urls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = usedAfterGc();
        SeenSet seen = new SeenSet(16);
        java.util.ArrayDeque<CrawlTask> queue = new java.util.ArrayDeque<>();
        String referrer = "https://www.example.org/catalogue/section-7/index.html";
        for (int i = 0; i < urls; i++) {
            String url = UrlNormalizer.normalize(String.format(Locale.ROOT,
                    "https://www.shop-%d.example.com/catalogue/products/item-%07d.html?ref=list&page=%d", i % 1_000, i, i % 97));
            seen.add(url);
            queue.add(new CrawlTask(url, 3, referrer, i, false));
        }
        long withBoth = usedAfterGc();
        queue.clear();
        long seenOnly = usedAfterGc();
        System.out.printf(Locale.ROOT, "%d URLs (%d in the seen set), -Xmx %d MB%n", urls, seen.size(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "seen set + frontier queue: %.1f MB used after GC (%.0f bytes a URL)%n",
                (withBoth - before) / 1048576.0, (withBoth - before) / (double) urls);
        System.out.printf(Locale.ROOT, "seen set alone:            %.1f MB used after GC (%.0f bytes a URL)%n",
                (seenOnly - before) / 1048576.0, (seenOnly - before) / (double) urls);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
