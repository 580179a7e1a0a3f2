package dev.flowline.samples.crawler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a crawl did, as printed at its end: records by status, outcome and host, bytes, pages per second, and
 * every URL not crawled with the reason. As text ({@link #toText()}) or JSON ({@link #toJson()}).
 *
 * <pre>{@code
 * CrawlResult result = new Crawler(config).run(writer);
 * System.out.println(result.summary().toText());
 * }</pre>
 *
 * @param records        JSONL records written: one per URL attempted
 * @param fetched        of those, URLs fetched (the others were refused by robots.txt or cancelled)
 * @param errors         records with a failed fetch or a status of 400 or more
 * @param bytes          body bytes read
 * @param retries        retries made
 * @param elapsed        time since the crawl started
 * @param stopped        whether the crawl was stopped before its end (Ctrl-C)
 * @param unvisited      URLs admitted or found but not attempted, because the crawl was stopped
 * @param beyondDepth    links not followed: past the maximum depth
 * @param overMaxPages   links not followed: past the maximum number of pages
 * @param frontierFull   links not followed: the frontier was full
 * @param outOfScope     links not followed: out of scope
 * @param invalidLinks   links that are not valid http(s) URLs
 * @param byStatus       records by HTTP status ("none" without a response)
 * @param byOutcome      records by outcome
 * @param byHost         records by origin
 */
public record CrawlSummary(long records, long fetched, long errors, long bytes, long retries, Duration elapsed,
                           boolean stopped, long unvisited, long beyondDepth, long overMaxPages, long frontierFull,
                           long outOfScope, long invalidLinks, Map<String, Long> byStatus, Map<String, Long> byOutcome,
                           Map<String, Long> byHost) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int HOSTS_SHOWN = 20;

    public CrawlSummary {
        byStatus = Map.copyOf(byStatus);
        byOutcome = Map.copyOf(byOutcome);
        byHost = Map.copyOf(byHost);
    }

    /** Records per second of elapsed time. */
    public double pagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : records / seconds;
    }

    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d URLs in %.1f s (%.1f pages/s), %d fetched, %d errors, %d retries, %s%n",
                stopped ? "crawl stopped" : "crawl done", records, elapsed.toNanos() / 1e9, pagesPerSecond(), fetched,
                errors, retries, bytes(bytes)));
        text.append("  by status:  ").append(inline(new TreeMap<>(byStatus))).append('\n');
        text.append("  by outcome: ").append(inline(new TreeMap<>(byOutcome))).append('\n');
        text.append("  by host:    ").append(inline(top(byHost))).append('\n');
        text.append(String.format(Locale.ROOT, "  not crawled: %d unvisited (stopped), %d beyond max depth, %d over max "
                + "pages, %d frontier full, %d out of scope, %d invalid links%n", unvisited, beyondDepth, overMaxPages,
                frontierFull, outOfScope, invalidLinks));
        return text.toString();
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", stopped ? "stopped" : "done");
        json.put("records", records);
        json.put("fetched", fetched);
        json.put("errors", errors);
        json.put("bytes", bytes);
        json.put("retries", retries);
        json.put("elapsedMs", elapsed.toMillis());
        json.put("pagesPerSecond", Math.round(pagesPerSecond() * 10) / 10.0);
        json.put("byStatus", byStatus);
        json.put("byOutcome", byOutcome);
        json.put("byHost", byHost);
        json.put("notCrawled", Map.of("unvisited", unvisited, "beyondMaxDepth", beyondDepth, "overMaxPages", overMaxPages,
                "frontierFull", frontierFull, "outOfScope", outOfScope, "invalidLinks", invalidLinks));
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the crawl summary as JSON", e);
        }
    }

    private static String inline(Map<String, Long> counts) {
        StringBuilder line = new StringBuilder();
        counts.forEach((key, count) -> line.append(line.isEmpty() ? "" : ", ").append(key)
                .append(' ').append(count));
        return line.isEmpty() ? "-" : line.toString();
    }

    /** The busiest hosts, and the rest summed, so a crawl of many hosts prints one line. */
    private static Map<String, Long> top(Map<String, Long> byHost) {
        if (byHost.size() <= HOSTS_SHOWN) {
            return new TreeMap<>(byHost);
        }
        Map<String, Long> top = new LinkedHashMap<>();
        byHost.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(HOSTS_SHOWN)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        top.put("(" + (byHost.size() - HOSTS_SHOWN) + " other hosts)", byHost.values().stream().mapToLong(Long::longValue)
                .sum() - top.values().stream().mapToLong(Long::longValue).sum());
        return top;
    }

    static String bytes(long bytes) {
        return bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
