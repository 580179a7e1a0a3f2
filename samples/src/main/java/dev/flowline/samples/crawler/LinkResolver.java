package dev.flowline.samples.crawler;

import java.util.Locale;

/**
 * Resolves the links of one page against its base URL (RFC 3986, 5.2) straight into their normalized form, or null
 * when a link is no http(s) URL.
 *
 * <pre>{@code
 * LinkResolver page = LinkResolver.against("http://example.com/a/b");
 * page.resolve("c?x=1#top")    // "http://example.com/a/c?x=1"
 * page.resolve("../d")         // "http://example.com/d"
 * page.resolve("mailto:x@y")   // null
 * }</pre>
 *
 * <p>Hand-written rather than jsoup's {@code absUrl}: that goes through {@link java.net.URL} and a regular
 * expression per link, and was a third of the crawler's CPU (docs/crawler.md, Speed). It resolves as {@code absUrl}
 * did: control characters removed and surrounding spaces stripped first, a link with the base's scheme and no
 * authority ({@code http:foo}) taken as relative (RFC 3986, 5.2.2, non-strict), and user-info dropped (the
 * normalizer drops it), so that a page cannot make the crawler send or record credentials.
 */
final class LinkResolver {
    private final String origin;
    private final String scheme;
    private final String path;
    private final String query;

    private LinkResolver(String origin, String scheme, String path, String query) {
        this.origin = origin;
        this.scheme = scheme;
        this.path = path;
        this.query = query;
    }

    /** A resolver for the page at {@code base}; one that resolves only absolute links when the base is no http(s) URL. */
    static LinkResolver against(String base) {
        String normalized = UrlNormalizer.normalizeOrNull(base);
        if (normalized == null) {
            return new LinkResolver(null, null, null, null);
        }
        int pathStart = normalized.indexOf('/', normalized.indexOf("//") + 2);
        int queryStart = normalized.indexOf('?', pathStart);
        return new LinkResolver(normalized.substring(0, pathStart), normalized.substring(0, normalized.indexOf(':')),
                queryStart < 0 ? normalized.substring(pathStart) : normalized.substring(pathStart, queryStart),
                queryStart < 0 ? null : normalized.substring(queryStart + 1));
    }

    /** The normalized absolute URL {@code reference} names, or null when it names no http(s) URL. */
    String resolve(String reference) {
        String link = withoutControlCharacters(reference).strip();
        int schemeEnd = schemeEnd(link);
        if (schemeEnd > 0) {
            String linkScheme = link.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!linkScheme.equals("http") && !linkScheme.equals("https")) {
                return null;
            }
            boolean relative = linkScheme.equals(scheme) && !link.startsWith("//", schemeEnd + 1);
            if (!relative) {
                return UrlNormalizer.normalizeOrNull(link);
            }
            link = link.substring(schemeEnd + 1);
        }
        if (origin == null) {
            return null;
        }
        if (link.startsWith("//")) {
            return UrlNormalizer.normalizeOrNull(scheme + ":" + link);
        }
        int fragment = link.indexOf('#');
        if (fragment >= 0) {
            link = link.substring(0, fragment);
        }
        int queryStart = link.indexOf('?');
        String linkPath = queryStart < 0 ? link : link.substring(0, queryStart);
        String linkQuery = queryStart < 0 ? null : link.substring(queryStart + 1);
        String targetPath;
        if (linkPath.isEmpty()) {
            targetPath = path;
            linkQuery = linkQuery != null ? linkQuery : query;
        } else if (linkPath.startsWith("/")) {
            targetPath = linkPath;
        } else {
            targetPath = path.substring(0, path.lastIndexOf('/') + 1) + linkPath;
        }
        int length = origin.length() + targetPath.length() + (linkQuery == null ? 0 : linkQuery.length() + 1);
        if (length > UrlNormalizer.MAX_LENGTH) {
            return null;
        }
        // The origin is the normalized base's: only the path and query need normalizing (dot segments, escapes).
        StringBuilder target = new StringBuilder(length + 16).append(origin);
        UrlNormalizer.appendPathAndQuery(target, targetPath, linkQuery);
        return target.toString();
    }

    /** Where {@code link}'s scheme ends (its ':'), or -1 when it has none: a relative reference. */
    private static int schemeEnd(String link) {
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            if (c == ':') {
                return i;
            }
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!(letter || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'))) {
                return -1;
            }
        }
        return -1;
    }

    private static String withoutControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20) {
                StringBuilder kept = new StringBuilder(text.length());
                for (int j = 0; j < text.length(); j++) {
                    if (text.charAt(j) >= 0x20) {
                        kept.append(text.charAt(j));
                    }
                }
                return kept.toString();
            }
        }
        return text;
    }
}
