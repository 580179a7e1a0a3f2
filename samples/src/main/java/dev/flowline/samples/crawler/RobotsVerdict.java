package dev.flowline.samples.crawler;

import crawlercommons.robots.BaseRobotRules;

/**
 * What robots.txt says about one origin: its rules, or an allow-all or disallow-all verdict when it could not be
 * read (RFC 9309, 2.3.1), and until when the verdict holds.
 *
 * @param rules          the parsed rules, or null for a verdict that covers every URL
 * @param allowAll       with no rules: true to allow every URL, false to disallow every URL
 * @param reason         why a URL is refused, for its record ({@code ROBOTS_DISALLOWED}, {@code ROBOTS_UNREACHABLE})
 * @param crawlDelayMillis the Crawl-delay asked for, capped; 0 when none
 * @param expiresAtNanos when to ask again ({@link Long#MAX_VALUE}: never during this crawl)
 */
record RobotsVerdict(BaseRobotRules rules, boolean allowAll, String reason, long crawlDelayMillis, long expiresAtNanos) {

    static final String DISALLOWED = "ROBOTS_DISALLOWED";
    static final String UNREACHABLE = "ROBOTS_UNREACHABLE";

    static RobotsVerdict allowEverything() {
        return new RobotsVerdict(null, true, null, 0, Long.MAX_VALUE);
    }

    boolean allows(String url) {
        return rules == null ? allowAll : rules.isAllowed(url);
    }

    boolean expired(long nowNanos) {
        return nowNanos - expiresAtNanos >= 0 && expiresAtNanos != Long.MAX_VALUE;
    }
}
