package dev.flowline.samples.crawler;

import dev.flowline.http.FetchOutcome;
import dev.flowline.http.FetchResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The parse stage's work (CPU): for a 2xx HTML response, the title and the links of {@code a}, {@code area},
 * {@code link}, {@code iframe} and {@code frame}, resolved against the page's final URL or its {@code <base href>},
 * normalized, deduplicated, and sorted into followed (in scope) and checked-only (out of scope, when external
 * links are checked). Other responses have no links. Never throws: a page that cannot be parsed has no links.
 */
final class PageParser {
    private final Scope scope;
    private final boolean checkExternal;
    private final CrawlStats stats;
    private final BiConsumer<String, List<String>> linkListener;

    /** @param linkListener told every page's links (normalized, in scope or not), or null */
    PageParser(Scope scope, boolean checkExternal, CrawlStats stats, BiConsumer<String, List<String>> linkListener) {
        this.scope = scope;
        this.checkExternal = checkExternal;
        this.stats = stats;
        this.linkListener = linkListener;
    }

    Page parse(Fetched fetched) {
        FetchResponse response = fetched.response();
        if (response == null || fetched.task().leaf) {
            return new Page(fetched, null, List.of(), 0);
        }
        if (isUnfollowedRedirect(response)) {
            // The fetcher refused to follow it (out of scope): its target is a link like any other.
            String target = resolve(response.finalUrl(), response.header("Location").orElseThrow());
            return new Page(fetched, null, target == null ? List.of() : links(Set.of(target)), target == null ? 0 : 1);
        }
        if (!isHtml(response)) {
            return new Page(fetched, null, List.of(), 0);
        }
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(response.body()), charset(response), response.finalUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        // The document's base URI is the final URL, or the <base href> jsoup found.
        LinkResolver resolver = LinkResolver.against(document.baseUri());
        Set<String> found = new LinkedHashSet<>();
        // One walk of the tree, in document order, as "a[href], area[href], link[href], iframe[src], frame[src]"
        // would select: the query tries its five alternatives on every element, and made the parse 4% slower.
        document.traverse((node, depth) -> {
            if (node instanceof Element element) {
                String attribute = linkAttribute(element.normalName());
                if (attribute != null && element.hasAttr(attribute)) {
                    String url = resolver.resolve(element.attr(attribute));
                    if (url == null) {
                        stats.invalidLink(); // not http(s) (mailto:, javascript:...), or no URL at all
                    } else {
                        found.add(url);
                    }
                }
            }
        });
        List<Frontier.Link> links = links(found);
        if (linkListener != null) {
            linkListener.accept(fetched.task().url, List.copyOf(found));
        }
        String title = document.title();
        return new Page(fetched, title.isEmpty() ? null : title, links, found.size());
    }

    /** The attribute that holds the URL an element links to, or null for an element that links nowhere. */
    private static String linkAttribute(String tag) {
        return switch (tag) {
            case "a", "area", "link" -> "href";
            case "iframe", "frame" -> "src";
            default -> null;
        };
    }

    /** The links to {@code found} (normalized URLs): followed when in scope, checked only when external. */
    private List<Frontier.Link> links(Set<String> found) {
        List<Frontier.Link> links = new ArrayList<>(found.size());
        for (String url : found) {
            if (scope.contains(url)) {
                links.add(new Frontier.Link(url, false));
            } else if (checkExternal) {
                links.add(new Frontier.Link(url, true));
            } else {
                stats.outOfScope();
            }
        }
        return links;
    }

    private static boolean isUnfollowedRedirect(FetchResponse response) {
        return response.outcome() == FetchOutcome.OK && response.status() >= 300 && response.status() < 400
                && response.header("Location").isPresent();
    }

    /** {@code location} resolved against {@code base} and normalized, or null when it is no http(s) URL. */
    private String resolve(String base, String location) {
        String target = LinkResolver.against(base).resolve(location);
        if (target == null) {
            stats.invalidLink();
        }
        return target;
    }

    static boolean isHtml(FetchResponse response) {
        String type = response.contentType();
        return response.outcome() == FetchOutcome.OK && response.status() >= 200 && response.status() < 300
                && (type.equals("text/html") || type.equals("application/xhtml+xml"));
    }

    /** The charset the Content-Type names, or null to let jsoup detect it (BOM, meta charset, else UTF-8). */
    private static String charset(FetchResponse response) {
        for (String parameter : response.header("Content-Type").orElse("").split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String name = pair[1].trim().replace("\"", "");
                try {
                    return Charset.isSupported(name) ? name : null;
                } catch (IllegalArgumentException illegalName) {
                    return null;
                }
            }
        }
        return null;
    }
}
