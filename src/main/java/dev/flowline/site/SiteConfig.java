package dev.flowline.site;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything a {@link LocalSite.Builder} collected, checked and frozen. */
record SiteConfig(
        String host,
        int port,
        int hosts,
        int eventLoops,
        int pages,
        int links,
        long seed,
        int pageBytes,
        Latency latency,
        Duration faultDelay,
        long oversizedBytes,
        Duration crawlDelay,
        int robotsBytes,
        Map<String, Fault> faultsByPrefix,
        double faultRate,
        List<Fault> rateFaults,
        int holdUntilInFlight,
        Duration holdAtMost) {

    SiteConfig {
        faultsByPrefix = Map.copyOf(faultsByPrefix);
        rateFaults = List.copyOf(rateFaults);
    }
}
