package dev.flowline.site;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/** The site's live counters, updated from its event loops; {@link #snapshot()} gives the public view. */
final class Counters {

    /** Bounds the memory a crawl of an endless URL space (the spider trap) can make the counters use. */
    private static final int MAX_PATHS = 100_000;
    private static final int MAX_NAMES = 1_000;
    private static final String OTHER = "(other)";

    private final LongAdder requests = new LongAdder();
    private final Gauge inFlight = new Gauge();
    private final Map<String, LongAdder> paths = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> hosts = new ConcurrentHashMap<>();
    private final Map<String, Gauge> inFlightByHost = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> userAgents = new ConcurrentHashMap<>();

    /** Counts a request arriving; the returned gauge must be given to {@link #end(Gauge)} when it is served. */
    Gauge begin(String target, String host, String userAgent) {
        requests.increment();
        increment(paths, bounded(paths, target, MAX_PATHS));
        increment(hosts, bounded(hosts, host, MAX_NAMES));
        increment(userAgents, bounded(userAgents, userAgent, MAX_NAMES));
        Gauge hostGauge = inFlightByHost.computeIfAbsent(bounded(inFlightByHost, host, MAX_NAMES), key -> new Gauge());
        inFlight.up();
        hostGauge.up();
        return hostGauge;
    }

    /** The requests being served now. */
    int inFlight() {
        return inFlight.now.get();
    }

    /** Counts the status of a response the site is about to send. */
    void status(int code) {
        increment(statuses, code);
    }

    /** Counts a request served (completed, failed or abandoned by its client). */
    void end(Gauge hostGauge) {
        hostGauge.down();
        inFlight.down();
    }

    SiteCounters snapshot() {
        return new SiteCounters(
                requests.sum(),
                inFlight.now.get(),
                inFlight.peak.get(),
                sums(paths),
                sums(statuses),
                sums(hosts),
                view(inFlightByHost, gauge -> gauge.peak.get()),
                sums(userAgents));
    }

    private static <K> void increment(Map<K, LongAdder> counts, K key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static String bounded(Map<String, ?> counts, String key, int limit) {
        return counts.size() < limit || counts.containsKey(key) ? key : OTHER;
    }

    private static <K> Map<K, Long> sums(Map<K, LongAdder> counts) {
        return view(counts, LongAdder::sum);
    }

    private static <K, V, N> Map<K, N> view(Map<K, V> live, Function<V, N> value) {
        Map<K, N> copy = new HashMap<>();
        live.forEach((key, counter) -> copy.put(key, value.apply(counter)));
        return copy;
    }

    /** A number of requests being served now, and the most there ever were. */
    static final class Gauge {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger peak = new AtomicInteger();

        void up() {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        void down() {
            now.decrementAndGet();
        }
    }
}
