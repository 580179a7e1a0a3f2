package dev.flowline.site;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generated website: which page links to which (the same graph for the same seed) and the text of every page.
 * Page {@code n} lives at {@code /page/n}; its first link always goes to page {@code n + 1} (wrapping), so every
 * page is reachable from every other.
 */
final class Pages {

    /** The most URLs one sitemap file may list (sitemaps.org). */
    static final int SITEMAP_LIMIT = 50_000;

    private static final String[] WORDS = {
        "amber", "river", "quiet", "stone", "lantern", "harbor", "meadow", "copper", "signal", "orchard",
        "winter", "ledger", "canvas", "thistle", "beacon", "cinder", "hollow", "marble", "summit", "willow",
        "atlas", "breeze", "cobalt", "delta", "ember", "fjord", "garnet", "heron", "island", "juniper",
        "kestrel", "lagoon", "mosaic", "nectar", "onyx", "pepper", "quartz", "raven", "saffron", "tundra",
        "umber", "velvet", "walnut", "yarrow", "zephyr", "bramble", "crescent", "drift", "falcon", "glacier",
    };
    private static final long GRAPH_SALT = 0x9E3779B97F4A7C15L;

    private final int count;
    private final int links;
    private final long seed;
    private final int pageBytes;

    Pages(int count, int links, long seed, int pageBytes) {
        this.count = count;
        this.links = links;
        this.seed = seed;
        this.pageBytes = pageBytes;
    }

    int count() {
        return count;
    }

    /** The pages page {@code n} links to, in order; depends only on the seed, {@code n} and the page count. */
    int[] targets(int n) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ GRAPH_SALT, n));
        int[] targets = new int[links];
        for (int i = 0; i < links; i++) {
            targets[i] = i == 0 || count == 1 ? (n + 1) % count : otherThan(n, random);
        }
        return targets;
    }

    /**
     * Page {@code n} as served at {@code origin} (like {@code http://127.0.0.1:8080}); {@code hosts} are the
     * origins of every host of the site, for links across hosts.
     */
    String page(int n, String origin, List<String> hosts) {
        SplittableRandom random = new SplittableRandom(mix(seed, n));
        boolean hasBase = n % 7 == 3;
        String title = "Page " + n + ": " + words(random, 2);
        StringBuilder html = head(title, hasBase ? origin + "/" : null);
        html.append("<p>").append(words(random, 40)).append(".</p>\n<ul>\n");
        String previous = null;
        int[] targets = targets(n);
        for (int i = 0; i < targets.length; i++) {
            String href = i == 0 ? "/page/" + targets[i] : href(targets[i], n, random, hasBase, origin, hosts, previous);
            link(html, href, "Page " + targets[i]);
            previous = href;
        }
        html.append("</ul>\n<p>");
        if (n % 4 == 1) {
            link(html, "http://elsewhere-" + n % 3 + ".invalid/page/" + n, "a page on another site");
        }
        if (n % 9 == 2) {
            link(html, "mailto:editor@elsewhere.invalid", "write to us");
        }
        if (n % 10 == 5) {
            link(html, "/private/" + n, "members only");
        }
        if (n % 50 == 7) {
            link(html, "/trap/" + n, "the archive");
        }
        link(html, "#top", "back to top");
        html.append("</p>\n");
        return finish(html, random);
    }

    /** The home page at {@code /}: links (absolute paths) to the first pages and to the sitemap. */
    String home() {
        StringBuilder html = head("Flowline local site", null);
        html.append("<p>A generated site of ").append(count).append(" pages.</p>\n<ul>\n");
        for (int n = 0; n < Math.min(Math.max(links, 1), count); n++) {
            link(html, "/page/" + n, "Page " + n);
        }
        html.append("</ul>\n<p><a href=\"/sitemap.xml\">sitemap</a></p>\n");
        return finish(html, new SplittableRandom(seed));
    }

    /** A page of the spider trap: every page links to deeper pages and to the next page of itself, forever. */
    String trap(String path, int pageNumber) {
        StringBuilder html = head("Archive " + path + " page " + pageNumber, null);
        html.append("<ul>\n");
        for (int i = 0; i < 3; i++) {
            link(html, path + "/" + i, "section " + i);
        }
        link(html, path + "?page=" + (pageNumber + 1), "next page");
        html.append("</ul>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A page that robots.txt disallows. */
    String privatePage(String path) {
        return head("Members only: " + path, null).append("<p>Crawlers that read robots.txt never see this.</p>\n")
                .append("</body>\n</html>\n").toString();
    }

    /** Malformed HTML that browsers still render: unclosed and misnested tags, unquoted attributes, stray brackets. */
    String brokenHtml() {
        return "<html><head><title>Broken <b>page</title>\n<body><p>Unclosed paragraph\n<div><span>misnested</div></span>\n"
                + "<a href=/page/1>unquoted link</a> 3 < 4 && 5 > 2 <a href=\"/page/2\">second link\n"
                + "<table><tr><td>cell<td>cell</table><p>tail <!-- unterminated comment\n";
    }

    /** The robots.txt of the site at {@code origin}, padded with comment lines after its rules to {@code bytes}. */
    String robots(String origin, String crawlDelaySeconds, int bytes) {
        StringBuilder robots = new StringBuilder(Math.max(256, bytes)).append("# robots.txt of the Flowline local site\n")
                .append("User-agent: BadBot\nDisallow: /\n\n")
                .append("User-agent: *\nDisallow: /private/\nDisallow: /trap/\nCrawl-delay: ").append(crawlDelaySeconds).append("\n\n")
                .append("Sitemap: ").append(origin).append("/sitemap.xml\n");
        String padding = "# padding: the rules above are all there is" + ".".repeat(50) + "\n";
        while (robots.length() + padding.length() <= bytes) {
            robots.append(padding);
        }
        return robots.toString();
    }

    /** {@code /sitemap.xml}: every page when they fit in one sitemap, otherwise an index of {@code /sitemap/i.xml}. */
    String sitemap(String origin) {
        if (count <= SITEMAP_LIMIT) {
            return sitemapPart(origin, 0);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int part = 0; part * SITEMAP_LIMIT < count; part++) {
            xml.append("<sitemap><loc>").append(origin).append("/sitemap/").append(part).append(".xml</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    /** Part {@code part} of the sitemap: pages {@code part * 50,000} to the next 50,000. */
    String sitemapPart(String origin, int part) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        int end = (int) Math.min(count, (long) (part + 1) * SITEMAP_LIMIT);
        for (int n = part * SITEMAP_LIMIT; n < end; n++) {
            xml.append("<url><loc>").append(origin).append("/page/").append(n).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** How many parts {@link #sitemapPart} has. */
    int sitemapParts() {
        return (count + SITEMAP_LIMIT - 1) / SITEMAP_LIMIT;
    }

    /** Mixes a seed and a key into a well-spread 64-bit value (SplitMix64's finalizer). */
    static long mix(long seed, long key) {
        long z = seed + key * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One of the ways real pages write a link to page {@code target}. */
    private static String href(int target, int from, SplittableRandom random, boolean hasBase, String origin,
            List<String> hosts, String previous) {
        String path = "/page/" + target;
        return switch (random.nextInt(7)) {
            case 0 -> path;
            case 1 -> hasBase ? "page/" + target : String.valueOf(target); // relative to <base> or to /page/
            case 2 -> origin + path;
            case 3 -> path + "#section-" + random.nextInt(4);
            case 4 -> path + "?from=" + from;
            case 5 -> previous == null ? path : previous;                   // a duplicate link
            default -> hosts.size() > 1 ? hosts.get(random.nextInt(hosts.size())) + path : path;
        };
    }

    private int otherThan(int n, SplittableRandom random) {
        int target = random.nextInt(count - 1);
        return target >= n ? target + 1 : target;
    }

    private static StringBuilder head(String title, String baseHref) {
        StringBuilder html = new StringBuilder(4096)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(title).append("</title>\n");
        if (baseHref != null) {
            html.append("<base href=\"").append(baseHref).append("\">\n");
        }
        return html.append("</head>\n<body id=\"top\">\n<h1>").append(title).append("</h1>\n");
    }

    private static void link(StringBuilder html, String href, String text) {
        html.append("<li><a href=\"").append(href).append("\">").append(text).append("</a></li>\n");
    }

    /** Pads the page with paragraphs up to the configured size and closes it. */
    private String finish(StringBuilder html, SplittableRandom random) {
        String end = "</body>\n</html>\n";
        while (html.length() + end.length() < pageBytes) {
            html.append("<p>").append(words(random, 60)).append(".</p>\n");
        }
        return html.append(end).toString();
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder(count * 8);
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
