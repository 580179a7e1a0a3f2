package dev.flowline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs the fetch benchmark's points. It starts every JVM first, together, before any point is measured: one site
 * JVM (serving a site per latency, and one more for each footprint client), one client JVM per variant, and one more
 * per variant for its footprint point; each client fetches one page as soon as the site is up, so that no later step
 * waits for a cold JVM's first request. Then each variant's client warms up (at L = 0) and runs the sweep and its
 * saturation point in turn; the footprint clients, which have done nothing else, warm up, rest while the second
 * saturation round runs, and run the footprint point last. Every JVM it starts is destroyed when it is done, failed
 * or not.
 *
 * <p>Only what no measured window depends on overlaps: a client JVM exits (in the background) while the next one
 * warms up, and is gone before the next point is measured.
 */
final class FetchRun {
    private static final List<String> SITE_JVM = List.of("-Xmx1g", "--enable-native-access=ALL-UNNAMED");
    /** The phase of the saturation points run again, in reverse order, for the stage-cost target. */
    static final String SECOND_SATURATION = "saturation-2";
    /** The order of the results: by phase, then in the order run. */
    private static final List<String> PHASES = List.of("sweep", "saturation", SECOND_SATURATION, PointSpec.FOOTPRINT);
    private static final String SWEEP_SITE = "sweep";
    private static final String FAST_SITE = "fast";
    /** The pair the stage-cost target compares, in the order of the first round. */
    private static final List<FetchVariant> STAGE_COST = List.of(FetchVariant.NETTY, FetchVariant.FLOWLINE);

    private final FetchProfile profile;
    private final List<FetchVariant> variants;
    private final Path logs;
    private final PrintStream progress;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("bench-watchdog").factory());
    /** Client JVMs being destroyed in the background: gone before the next measured point. */
    private final List<CompletableFuture<Void>> exiting = new ArrayList<>();
    private long started;

    FetchRun(FetchProfile profile, List<FetchVariant> variants, Path logs, PrintStream progress) {
        this.profile = profile;
        this.variants = variants;
        this.logs = logs;
        this.progress = progress;
    }

    List<FetchPoint> run() {
        List<FetchPoint> points = new ArrayList<>();
        Map<FetchVariant, ClientJvm> clients = new EnumMap<>(FetchVariant.class);
        Map<FetchVariant, ClientJvm> footprintClients = new EnumMap<>(FetchVariant.class);
        Map<String, Duration> sites = new LinkedHashMap<>();
        sites.put(SWEEP_SITE, profile.sweepLatency());
        sites.put(FAST_SITE, Duration.ZERO);
        variants.stream().filter(this::hasFootprint).forEach(variant -> sites.put(footprintSite(variant), profile.footprintLatency()));
        started = System.nanoTime();
        try (ChildJvm site = ChildJvm.start("site", SITE_JVM, SiteServer.class, SiteServer.arguments(sites),
                logs.resolve("site.log"))) {
            for (FetchVariant variant : variants) {
                int most = Math.max(saturationConcurrency(variant), Collections.max(sweepConcurrency(variant)));
                clients.put(variant, ClientJvm.start(variant.label() + " client", variant, most, ClientJvm.OPTIONS,
                        logs.resolve("client-" + variant.label() + ".log"), watchdog));
                if (hasFootprint(variant)) {
                    footprintClients.put(variant, ClientJvm.start(variant.label() + " footprint client", variant,
                            profile.footprintConcurrency(), concat(ClientJvm.OPTIONS, ClientJvm.footprintOptions()),
                            logs.resolve("footprint-" + variant.label() + ".log"), watchdog));
                }
            }
            Map<String, String> urls = SiteServer.urlsOf(site, sites.size());
            String sweepUrl = urls.get(SWEEP_SITE);
            String fastUrl = urls.get(FAST_SITE);
            List<ClientJvm> all = concat(clients.values(), footprintClients.values());
            prime(all, fastUrl);
            report("%d JVMs started, ready and primed", 1 + all.size());
            boolean secondRound = variants.containsAll(STAGE_COST);
            for (FetchVariant variant : variants) {
                ClientJvm client = clients.get(variant);
                warmUp(client, variant, fastUrl);
                for (int c : sweepConcurrency(variant)) {
                    points.add(measure(client, new PointSpec("sweep", sweepUrl, profile.sweepLatency().toMillis(), c,
                            profile.rewarm().toMillis(), profile.sweepMeasure().toMillis())));
                }
                points.add(measure(client, saturation("saturation", variant, fastUrl)));
                if (!secondRound || !STAGE_COST.contains(variant)) {
                    exiting.add(client.closeInBackground());
                }
            }
            // The footprint clients warm up now, so that they rest (their JIT compilers finish, the memory their
            // compilations took is released) while the second round runs.
            footprintClients.forEach((variant, client) -> warmUp(client, variant, fastUrl));
            if (secondRound) {
                // The stage-cost target compares two JVMs measured seconds apart: a second round in reverse order
                // (A B ... B A) cancels a steady drift in the machine's load.
                for (FetchVariant variant : STAGE_COST.reversed()) {
                    points.add(measure(clients.get(variant), saturation(SECOND_SATURATION, variant, fastUrl)));
                    exiting.add(clients.get(variant).closeInBackground());
                }
            }
            footprintClients.forEach((variant, client) -> {
                points.add(measure(client, new PointSpec(PointSpec.FOOTPRINT, urls.get(footprintSite(variant)),
                        profile.footprintLatency().toMillis(), profile.footprintConcurrency(),
                        profile.footprintRamp().toMillis(), profile.footprintHold().toMillis())));
                exiting.add(client.closeInBackground());  // its requests still in flight: the JVM ends with them
            });
            awaitExited();
            report("done");
        } finally {
            clients.values().forEach(ClientJvm::close);
            footprintClients.values().forEach(ClientJvm::close);
            watchdog.shutdownNow();
        }
        points.sort(Comparator.comparingInt(point -> PHASES.indexOf(point.phase())));
        return points;
    }

    /** Each client fetches its first page, all at once: a cold JVM's first request loads the classes it takes. */
    private static void prime(List<ClientJvm> clients, String fastUrl) {
        for (ClientJvm client : clients) {
            client.awaitReady();
            client.send(new PointSpec(PointSpec.WARMUP, fastUrl, 0, 1, 0, 1));
        }
        clients.forEach(ClientJvm::result);
    }

    /** Each footprint client has a site of its own: the requests the site holds are that client's alone. */
    private static String footprintSite(FetchVariant variant) {
        return "footprint-" + variant.label();
    }

    /** Serial runs one request at a time, so only C = 1 means anything for it. */
    private List<Integer> sweepConcurrency(FetchVariant variant) {
        return variant.concurrent() ? profile.sweepConcurrency() : List.of(1);
    }

    private int saturationConcurrency(FetchVariant variant) {
        return variant.concurrent() ? profile.saturationConcurrency() : 1;
    }

    /** Elastic holds its 20 threads' worth of requests and queues the rest: a footprint point would not hold C. */
    private boolean hasFootprint(FetchVariant variant) {
        return variant.concurrent() && variant != FetchVariant.ELASTIC && !profile.footprintLeftOut().contains(variant);
    }

    /** The JVM's warmup: the L = 0 site at the saturation concurrency, results thrown away. */
    private void warmUp(ClientJvm client, FetchVariant variant, String fastUrl) {
        client.measure(new PointSpec(PointSpec.WARMUP, fastUrl, 0, saturationConcurrency(variant),
                profile.jvmWarmup().toMillis(), 1));
    }

    private PointSpec saturation(String phase, FetchVariant variant, String fastUrl) {
        return new PointSpec(phase, fastUrl, 0, saturationConcurrency(variant), profile.rewarm().toMillis(),
                profile.saturationMeasure().toMillis());
    }

    /** Measures one point, once every client JVM closed before it has exited. */
    private FetchPoint measure(ClientJvm client, PointSpec spec) {
        awaitExited();
        FetchPoint point = client.measure(spec);
        report("%s", describe(point));
        return point;
    }

    private void awaitExited() {
        exiting.forEach(CompletableFuture::join);
        exiting.clear();
    }

    /** A progress line, after the time since the run started: the log says where a run's time goes. */
    private void report(String format, Object... args) {
        progress.printf(Locale.ROOT, "%6.1f s  %s%n", (System.nanoTime() - started) / 1e9, String.format(Locale.ROOT, format, args));
    }

    private static <T> List<T> concat(Collection<? extends T> first, Collection<? extends T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static String describe(FetchPoint point) {
        if (point.rssPerInFlightBytes() != null) {
            return String.format(Locale.ROOT, "%-12s %-8s C=%-5d %s at the site: %s KB RSS per in-flight request "
                            + "(%s KB of it live heap), %d OS threads, %d errors", point.phase(), point.variant(),
                    point.concurrency(), Numbers.count(point.heldAtSite()),
                    Numbers.decimal(point.rssPerInFlightBytes() / 1000, 1),
                    Numbers.decimal(point.liveHeapPerInFlightBytes() / 1000, 1), point.peakOsThreads(), point.errors());
        }
        String ideal = point.fractionOfIdeal() == null ? "" : " (" + Numbers.percent(point.fractionOfIdeal()) + " of C/L)";
        return String.format(Locale.ROOT, "%-12s %-8s C=%-5d %10s req/s%s, p99 %s ms, %d OS threads, %d errors",
                point.phase(), point.variant(), point.concurrency(), Numbers.decimal(point.throughput(), 0), ideal,
                Numbers.decimal(point.p99Ms(), 1), point.peakOsThreads(), point.errors());
    }
}
