package dev.flowline.samples.crawler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The crawl's source: the URLs to fetch, handed to the pipeline only as fast as it asks, and only when their host
 * may take another request (a free per-host slot, the host delay and Crawl-delay passed, robots.txt known), so a
 * slow or rate-limited host waits in its own queue while the others go on. It completes when no URL is queued and
 * none is in flight.
 *
 * <p>The crawl goes breadth-first, one depth at a time: links found at depth {@code d} are gathered, deduplicated
 * (the first by page order, then link order, wins) and admitted together once depth {@code d} is done. That costs
 * a short stall between depths, and buys a crawl whose set of URLs (under a depth or page cap) and referrers do not
 * depend on the mode, the fetcher or timing.
 *
 * <p>Memory is bounded: URLs seen are 64-bit hashes ({@link SeenSet}), and at most {@code capacity} URLs wait in
 * the frontier; links beyond are skipped and counted ("frontier full").
 *
 * <p>Ends of fetches ({@link #release}) and pages ({@link #complete}) are queued, and applied by whichever thread
 * drains, one at a time: no thread ever waits for the frontier's lock on the hot path. When the event loop that ends
 * a fetch and the write stage took the lock themselves, they collided on about half the pages and parked, costing a
 * futex wake-up each and stalling the event loop (docs/crawler.md, Speed).
 */
final class Frontier {

    /** A page whose record is written, and its links, waiting to be applied. */
    private record PageEnd(CrawlTask page, List<Link> links) {}

    /** A link found on a page, waiting for its depth to be admitted. */
    private record Pending(String url, long hash, String referrer, long order, int index, boolean leaf) {}

    private static final Comparator<Pending> PAGE_ORDER =
            Comparator.comparingLong(Pending::order).thenComparingInt(Pending::index);

    private final CrawlConfig config;
    private final Robots robots;
    private final Scheduler timer;
    private final LongSupplier nanoClock;
    private final SeenSet seen;
    private final Map<String, Host> hosts = new HashMap<>();
    private final ArrayDeque<Host> ready = new ArrayDeque<>();
    private final PriorityQueue<Host> waiting = new PriorityQueue<>(Comparator.comparingLong(host -> host.nextStart));
    private final Set<CrawlTask> inFlightTasks = ConcurrentHashMap.newKeySet();
    private final LongIntHashMap pendingIndex = new LongIntHashMap(1 << 10);
    private final List<Pending> pending = new ArrayList<>();
    private final AtomicInteger wip = new AtomicInteger();
    private final Queue<CrawlTask> fetchesEnded = Queues.<CrawlTask>unboundedMultiproducer().get();
    private final Queue<PageEnd> pagesEnded = Queues.<PageEnd>unboundedMultiproducer().get();

    private FluxSink<CrawlTask> sink;
    private int depth;
    private long admitted;
    private long queued;
    private long inFlight;
    private boolean timerArmed;
    private long armedFor;
    private boolean stopping;
    private boolean completed;
    private long beyondDepth;
    private long overMaxPages;
    private long frontierFull;

    /** A host (origin) and its queue: the unit of politeness. */
    private static final class Host {
        final String origin;
        final ArrayDeque<CrawlTask> queue = new ArrayDeque<>();
        int inFlight;
        long nextStart;
        long delayNanos;
        RobotsVerdict verdict;
        boolean loadingRobots;
        boolean scheduled;

        Host(String origin, long delayNanos, long now) {
            this.origin = origin;
            this.delayNanos = delayNanos;
            this.nextStart = now;
        }
    }

    /**
     * @param robots null to ignore robots.txt
     * @param timer  where waits for a host's next slot are timed
     */
    Frontier(CrawlConfig config, Robots robots, Scheduler timer, LongSupplier nanoClock) {
        this.config = config;
        this.robots = robots;
        this.timer = timer;
        this.nanoClock = nanoClock;
        this.seen = new SeenSet((int) Math.min(config.maxPages(), 1 << 20));
        synchronized (this) {
            for (String seed : config.seeds()) {
                if (admitted < config.maxPages() && seen.add(seed)) {
                    admit(new CrawlTask(seed, 0, null, admitted, false), nanoClock.getAsLong());
                }
            }
        }
    }

    /** The URLs to crawl, as a publisher that emits only on demand; subscribe once. */
    Flux<CrawlTask> source() {
        return Flux.create(emitter -> {
            synchronized (this) {
                sink = emitter;
            }
            emitter.onRequest(ignored -> drain());
        });
    }

    /**
     * The end of each of {@code pages}: its record is written, and its links (in page order, normalized, in scope or
     * out of scope as leaves to check only) are found. Each task emitted must end exactly once.
     */
    void complete(List<Page> pages) {
        for (Page page : pages) {
            inFlightTasks.remove(page.task());
            pagesEnded.offer(new PageEnd(page.task(), page.links()));
        }
        drain();
    }

    /**
     * A URL found on a page: normalized, its {@link UrlHash} (computed by the parse stage, off the frontier's lock),
     * and whether it is only to be checked, not followed.
     */
    record Link(String url, long hash, boolean leaf) {
        Link(String url, boolean leaf) {
            this(url, UrlHash.of(url), leaf);
        }
    }

    /** The fetch of {@code task} is over: its host slot is free. */
    void release(CrawlTask task) {
        fetchesEnded.offer(task);
        drain();
    }

    /**
     * Reserves the next start of a request to {@code task}'s host, no sooner than {@code earliestNanos} from now
     * and after the host's delay: how long the caller, which holds a slot of that host, must wait before retrying.
     */
    synchronized long reserveRetry(CrawlTask task, long earliestNanos) {
        Host host = hosts.get(task.origin);
        long now = nanoClock.getAsLong();
        long start = Math.max(now + earliestNanos, host.nextStart);
        host.nextStart = start + host.delayNanos;
        return start - now;
    }

    /** The server asked its host to slow down (Retry-After on 429 or 503): no new request there before then. */
    synchronized void holdHost(CrawlTask task, long forNanos) {
        Host host = hosts.get(task.origin);
        host.nextStart = Math.max(host.nextStart, nanoClock.getAsLong() + forNanos);
    }

    /** Stops handing out URLs; the source completes once the fetches in flight are done. */
    void stop() {
        synchronized (this) {
            stopping = true;
        }
        drain();
    }

    /** The URLs handed to the pipeline whose record is not written yet. */
    Set<CrawlTask> inFlightTasks() {
        return inFlightTasks;
    }

    /** Counts for progress lines and the final stats (ends queued but not yet applied are not counted). */
    synchronized Snapshot snapshot() {
        return new Snapshot(admitted, queued + pending.size(), inFlight, depth, beyondDepth, overMaxPages, frontierFull);
    }

    /**
     * @param admitted     URLs admitted to the crawl (each gets a record, unless the crawl is stopped first)
     * @param queued       URLs waiting: at this depth, and found for the next
     * @param inFlight     URLs in the pipeline
     * @param depth        the depth being crawled
     * @param beyondDepth  new links not followed because of the depth limit
     * @param overMaxPages new links not followed because of the page limit
     * @param frontierFull new links not followed because the frontier was full
     */
    record Snapshot(long admitted, long queued, long inFlight, int depth, long beyondDepth, long overMaxPages,
                    long frontierFull) {}

    private void gather(CrawlTask page, List<Link> links) {
        if (page.depth + 1 > config.maxDepth()) {
            for (Link link : links) {
                if (!seen.contains(link.hash())) {
                    beyondDepth++;
                }
            }
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            long hash = link.hash();
            if (seen.contains(hash)) {
                continue;
            }
            Pending candidate = new Pending(link.url(), hash, page.url, page.order, i, link.leaf());
            int existing = pendingIndex.get(hash);
            if (existing == LongIntHashMap.ABSENT) {
                if (queued + pending.size() >= config.frontierCapacity()) {
                    frontierFull++;
                    continue;
                }
                pendingIndex.put(hash, pending.size());
                pending.add(candidate);
            } else if (PAGE_ORDER.compare(candidate, pending.get(existing)) < 0) {
                pending.set(existing, candidate); // the same URL found earlier in page order: its referrer wins
            }
        }
    }

    /** Admits the links gathered at this depth, in page order, up to the page cap. */
    private void nextDepth() {
        pending.sort(PAGE_ORDER);
        long now = nanoClock.getAsLong();
        for (Pending link : pending) {
            if (admitted >= config.maxPages()) {
                overMaxPages++;
            } else if (seen.add(link.hash())) {
                admit(new CrawlTask(link.url(), depth + 1, link.referrer(), admitted, link.leaf()), now);
            }
        }
        pending.clear();
        pendingIndex.clear();
        depth++;
    }

    private void admit(CrawlTask task, long now) {
        admitted++;
        queued++;
        Host host = hosts.computeIfAbsent(task.origin, origin -> new Host(origin, config.hostDelay().toNanos(), now));
        host.queue.add(task);
        schedule(host, now);
    }

    /** Puts a host where dispatch will find it, if it has work and may start some. */
    private void schedule(Host host, long now) {
        if (host.scheduled || host.queue.isEmpty() || host.loadingRobots || host.inFlight >= config.perHostConcurrency()) {
            return;
        }
        host.scheduled = true;
        if (host.nextStart - now <= 0) {
            ready.add(host);
        } else {
            waiting.add(host);
        }
    }

    /** Emits what may start now, up to the demand, outside the lock; one thread at a time. */
    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            List<CrawlTask> batch;
            boolean finished;
            FluxSink<CrawlTask> out;
            synchronized (this) {
                applyEnds();
                out = sink;
                if (out == null) {
                    continue;
                }
                batch = pick(out.requestedFromDownstream());
                finished = !completed && inFlight == 0 && batch.isEmpty() && (stopping || queued == 0);
                completed |= finished;
            }
            batch.forEach(out::next);
            if (finished) {
                out.complete();
            }
        } while (wip.decrementAndGet() != 0);
    }

    /** Applies the ends of fetches and pages queued since the last drain; under the lock. */
    private void applyEnds() {
        long now = nanoClock.getAsLong();
        for (CrawlTask task; (task = fetchesEnded.poll()) != null; ) {
            Host host = hosts.get(task.origin);
            host.inFlight--;
            schedule(host, now);
        }
        for (PageEnd end; (end = pagesEnded.poll()) != null; ) {
            inFlight--;
            if (!stopping) {
                gather(end.page(), end.links());
                if (queued == 0 && inFlight == 0) {
                    nextDepth();
                }
            }
        }
    }

    private List<CrawlTask> pick(long demand) {
        if (stopping || demand <= 0) {
            return List.of();
        }
        long now = nanoClock.getAsLong();
        while (!waiting.isEmpty() && waiting.peek().nextStart - now <= 0) {
            ready.add(waiting.poll());
        }
        List<CrawlTask> batch = new ArrayList<>();
        while (batch.size() < demand && !ready.isEmpty()) {
            Host host = ready.poll();
            host.scheduled = false;
            if (robots != null && (host.verdict == null || host.verdict.expired(now))) {
                loadRobots(host);
                continue;
            }
            CrawlTask task = host.queue.poll();
            queued--;
            inFlight++;
            inFlightTasks.add(task);
            if (robots != null && !host.verdict.allows(task.url)) {
                task.skip = host.verdict.reason(); // recorded, not fetched: takes no slot of the host
            } else {
                host.inFlight++;
                host.nextStart = now + host.delayNanos;
            }
            batch.add(task);
            schedule(host, now);
        }
        armTimer(now);
        return batch;
    }

    private void loadRobots(Host host) {
        host.loadingRobots = true;
        host.nextStart = nanoClock.getAsLong() + host.delayNanos; // robots.txt is a request to the host too
        robots.load(host.origin).subscribe(verdict -> {
            synchronized (this) {
                host.verdict = verdict;
                host.loadingRobots = false;
                host.delayNanos = Math.max(config.hostDelay().toNanos(), TimeUnit.MILLISECONDS.toNanos(verdict.crawlDelayMillis()));
                host.nextStart = Math.max(host.nextStart, nanoClock.getAsLong() + host.delayNanos);
                schedule(host, nanoClock.getAsLong());
            }
            drain();
        });
    }

    /** Wakes dispatch when the first waiting host may start, unless a wake-up at that time or sooner is set. */
    private void armTimer(long now) {
        Host first = waiting.peek();
        if (first == null || timerArmed && first.nextStart - armedFor >= 0) {
            return;
        }
        timerArmed = true;
        armedFor = first.nextStart;
        timer.schedule(() -> {
            synchronized (this) {
                timerArmed = false;
            }
            drain();
        }, Math.max(0, first.nextStart - now), TimeUnit.NANOSECONDS);
    }
}
