package dev.flowline.site;

import java.util.Map;

/**
 * What a {@link LocalSite} has served, as a snapshot taken by {@link LocalSite#counters()}; the same numbers are
 * served as JSON at {@code GET /_flowline/stats} (which counts nothing itself).
 *
 * <pre>{@code
 * fetcher.get(site.url("/page/3"));
 * assertThat(site.counters().requests("/page/3")).isEqualTo(1);
 * assertThat(site.counters().peakInFlight()).isEqualTo(2000);
 * }</pre>
 *
 * <p>A request is counted when it arrives and its status when the site commits the response, before any byte
 * leaves; so once a client has a response, both are in the counters. {@link #inFlight()} drops when the site has
 * finished the response, which can be a moment after the client has it.
 *
 * @param requests every request served, stats requests excepted
 * @param inFlight requests being served when the snapshot was taken
 * @param peakInFlight the most requests ever served at once
 * @param paths requests by request target, path and query as the client sent them (at most 100,000 distinct
 *              targets; the rest are counted under {@code "(other)"})
 * @param statuses responses by status code
 * @param hosts requests by {@code Host} header ({@code "(none)"} when a request has none)
 * @param peakInFlightByHost the most requests ever served at once for each {@code Host} header
 * @param userAgents requests by {@code User-Agent} header
 */
public record SiteCounters(
        long requests,
        int inFlight,
        int peakInFlight,
        Map<String, Long> paths,
        Map<Integer, Long> statuses,
        Map<String, Long> hosts,
        Map<String, Integer> peakInFlightByHost,
        Map<String, Long> userAgents) {

    /** Copies the maps, so a snapshot never changes. */
    public SiteCounters {
        paths = Map.copyOf(paths);
        statuses = Map.copyOf(statuses);
        hosts = Map.copyOf(hosts);
        peakInFlightByHost = Map.copyOf(peakInFlightByHost);
        userAgents = Map.copyOf(userAgents);
    }

    /** Requests for exactly this request target, like {@code "/page/3"} or {@code "/page/3?from=7"}. */
    public long requests(String target) {
        return paths.getOrDefault(target, 0L);
    }

    /** Requests whose target starts with {@code prefix}, like {@code "/page/3"} for every query of page 3. */
    public long requestsUnder(String prefix) {
        return paths.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Responses with this status code. */
    public long status(int code) {
        return statuses.getOrDefault(code, 0L);
    }

    /** Requests whose {@code Host} header was {@code host}, like {@code "127.0.0.1:8080"}. */
    public long requestsFor(String host) {
        return hosts.getOrDefault(host, 0L);
    }

    /** The most requests ever served at once for this {@code Host} header. */
    public int peakInFlight(String host) {
        return peakInFlightByHost.getOrDefault(host, 0);
    }

    /** These counters as the JSON object served at {@code /_flowline/stats}. */
    public String toJson() {
        return new Json()
                .field("requests", requests)
                .field("inFlight", inFlight)
                .field("peakInFlight", peakInFlight)
                .field("statuses", statuses)
                .field("hosts", hosts)
                .field("peakInFlightByHost", peakInFlightByHost)
                .field("userAgents", userAgents)
                .field("paths", paths)
                .toString();
    }
}
