package dev.flowline.samples.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Runs a crawl in-process and reads its JSONL back, for the tests. */
final class Crawls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Crawls() {}

    /** A crawl of loopback sites: no host delay, generous per-host slots, short timeouts. */
    static CrawlConfig.Builder fast(String... seeds) {
        return CrawlConfig.builder(List.of(seeds)).hostDelay(Duration.ZERO).perHostConcurrency(32).concurrency(32)
                .timeout(Duration.ofSeconds(5)).retryBackoff(Duration.ofMillis(10));
    }

    record Outcome(CrawlResult result, List<JsonNode> records) {
        List<String> urls() {
            return records.stream().map(record -> record.get("url").asText()).toList();
        }

        JsonNode record(String url) {
            return records.stream().filter(record -> record.get("url").asText().equals(url)).findFirst()
                    .orElseThrow(() -> new AssertionError("no record for " + url + " in " + urls()));
        }
    }

    static Outcome run(CrawlConfig config) {
        StringWriter out = new StringWriter();
        CrawlResult result = new Crawler(config).run(out, true, null);
        return new Outcome(result, parse(out.toString()));
    }

    static Outcome run(String seed, UnaryOperator<CrawlConfig.Builder> adjust) {
        return run(adjust.apply(fast(seed)).build());
    }

    static List<JsonNode> parse(String jsonl) {
        List<JsonNode> records = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                try {
                    records.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
        }
        return records;
    }
}
