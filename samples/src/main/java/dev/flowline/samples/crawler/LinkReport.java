package dev.flowline.samples.crawler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link LinkChecker} found: the broken links, each with the pages that link to it, and the crawl's summary;
 * as text or JSON.
 *
 * <pre>{@code
 * LinkReport report = new LinkChecker(config).run(Writer.nullWriter(), null);
 * System.exit(report.broken().isEmpty() ? 0 : 1);
 * }</pre>
 */
public record LinkReport(List<BrokenLink> broken, CrawlSummary summary, Optional<String> failure) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LinkReport {
        broken = List.copyOf(broken);
    }

    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(broken.isEmpty() ? "no broken links" : broken.size() + " broken link" + (broken.size() == 1 ? "" : "s"))
                .append(" in ").append(summary.records()).append(" URLs checked\n");
        for (BrokenLink link : broken) {
            text.append(link.status() == 0 ? link.outcome() : link.status() + (link.outcome().equals("OK") ? "" : " " + link.outcome()))
                    .append("  ").append(link.url());
            if (link.error() != null) {
                text.append("  (").append(link.error()).append(')');
            }
            text.append('\n');
            if (link.linkedFrom().isEmpty()) {
                text.append("    (a seed: no page links to it)\n");
            }
            link.linkedFrom().forEach(page -> text.append("    linked from ").append(page).append('\n'));
        }
        return text.toString();
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("brokenCount", broken.size());
        json.put("checked", summary.records());
        json.put("broken", broken);
        failure.ifPresent(message -> json.put("failure", message));
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the link report as JSON", e);
        }
    }
}
