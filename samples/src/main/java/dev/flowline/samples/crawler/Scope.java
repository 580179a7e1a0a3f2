package dev.flowline.samples.crawler;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which URLs a crawl follows: those matching an allow pattern when there are any, else those on a seed's host
 * (origin: scheme, host and port); never those matching a deny pattern. Patterns are Java regular expressions,
 * found anywhere in the normalized URL.
 */
final class Scope {
    private final Set<String> seedOrigins;
    private final List<Pattern> allow;
    private final List<Pattern> deny;

    Scope(List<String> seeds, List<Pattern> allow, List<Pattern> deny) {
        this.seedOrigins = seeds.stream().map(Scope::origin).collect(Collectors.toUnmodifiableSet());
        this.allow = List.copyOf(allow);
        this.deny = List.copyOf(deny);
    }

    /** Asked for every link of every page: loops rather than streams. */
    boolean contains(String normalizedUrl) {
        boolean allowed = allow.isEmpty() ? seedOrigins.contains(origin(normalizedUrl)) : anyFound(allow, normalizedUrl);
        return allowed && !anyFound(deny, normalizedUrl);
    }

    private static boolean anyFound(List<Pattern> patterns, String normalizedUrl) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(normalizedUrl).find()) {
                return true;
            }
        }
        return false;
    }

    /** {@code scheme://host[:port]} of a normalized URL: the unit of scope, politeness and robots.txt. */
    static String origin(String normalizedUrl) {
        int slash = normalizedUrl.indexOf('/', normalizedUrl.indexOf("//") + 2);
        return slash < 0 ? normalizedUrl : normalizedUrl.substring(0, slash);
    }
}
