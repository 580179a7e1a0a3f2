package dev.flowline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs the fetch benchmark's points. It starts every JVM first, together, before any point is measured: one site
 * JVM serving each latency, one client JVM per variant, and one more per variant for its footprint point. Then
 * each variant's client warms up once (at L = 0) and runs the sweep and its saturation point in turn; the
 * footprint clients, which have done nothing yet, warm up and run the footprint point last. Every JVM it starts is
 * destroyed when it is done, failed or not.
 */
final class FetchRun {
    private static final List<String> SITE_JVM = List.of("-Xmx1g", "--enable-native-access=ALL-UNNAMED");
    /** The phase of the saturation points run again, in reverse order, for the stage-cost target. */
    static final String SECOND_SATURATION = "saturation-2";
    /** The order of the results: by phase, then in the order run. */
    private static final List<String> PHASES = List.of("sweep", "saturation", SECOND_SATURATION, PointSpec.FOOTPRINT);
    /** The pair the stage-cost target compares, in the order of the first round. */
    private static final List<FetchVariant> STAGE_COST = List.of(FetchVariant.NETTY, FetchVariant.FLOWLINE);

    private final FetchProfile profile;
    private final List<FetchVariant> variants;
    private final Path logs;
    private final PrintStream progress;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("bench-watchdog").factory());

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
        String sweepLatency = spec(profile.sweepLatency());
        String footprintLatency = spec(profile.footprintLatency());
        long started = System.nanoTime();
        try (ChildJvm site = ChildJvm.start("site", SITE_JVM, SiteServer.class, List.of(sweepLatency, "0", footprintLatency),
                logs.resolve("site.log"))) {
            for (FetchVariant variant : variants) {
                int most = Math.max(saturationConcurrency(variant), Collections.max(sweepConcurrency(variant)));
                clients.put(variant, ClientJvm.start(variant.label() + " client", variant, most,
                        logs.resolve("client-" + variant.label() + ".log")));
                if (hasFootprint(variant)) {
                    footprintClients.put(variant, ClientJvm.start(variant.label() + " footprint client", variant,
                            profile.footprintConcurrency(), logs.resolve("footprint-" + variant.label() + ".log")));
                }
            }
            Map<String, String> urls = urlsOf(site, 3);
            clients.values().forEach(ClientJvm::awaitReady);
            footprintClients.values().forEach(ClientJvm::awaitReady);
            progress.printf(Locale.ROOT, "  %d JVMs started and ready in %.1f s%n", 1 + clients.size() + footprintClients.size(),
                    (System.nanoTime() - started) / 1e9);
            String sweepUrl = urls.get(sweepLatency);
            String fastUrl = urls.get("0");
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
                    client.close();
                }
            }
            if (secondRound) {
                // The stage-cost target compares two JVMs measured seconds apart: a second round in reverse order
                // (A B ... B A) cancels a steady drift in the machine's load.
                for (FetchVariant variant : STAGE_COST.reversed()) {
                    points.add(measure(clients.get(variant), saturation(SECOND_SATURATION, variant, fastUrl)));
                    clients.get(variant).close();
                }
            }
            for (Map.Entry<FetchVariant, ClientJvm> footprint : footprintClients.entrySet()) {
                warmUp(footprint.getValue(), footprint.getKey(), fastUrl);
                points.add(measure(footprint.getValue(), new PointSpec(PointSpec.FOOTPRINT, urls.get(footprintLatency),
                        profile.footprintLatency().toMillis(), profile.footprintConcurrency(),
                        profile.footprintRamp().toMillis(), profile.footprintHold().toMillis())));
                footprint.getValue().close();  // its requests still in flight: the JVM ends with them
            }
        } finally {
            clients.values().forEach(ClientJvm::close);
            footprintClients.values().forEach(ClientJvm::close);
            watchdog.shutdownNow();
        }
        points.sort(Comparator.comparingInt(point -> PHASES.indexOf(point.phase())));
        return points;
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

    /** The JVM's one warmup: the L = 0 site at the saturation concurrency, results thrown away. */
    private void warmUp(ClientJvm client, FetchVariant variant, String fastUrl) {
        client.measure(new PointSpec(PointSpec.WARMUP, fastUrl, 0, saturationConcurrency(variant),
                profile.jvmWarmup().toMillis(), 1), watchdog);
    }

    private PointSpec saturation(String phase, FetchVariant variant, String fastUrl) {
        return new PointSpec(phase, fastUrl, 0, saturationConcurrency(variant), profile.rewarm().toMillis(),
                profile.saturationMeasure().toMillis());
    }

    private FetchPoint measure(ClientJvm client, PointSpec spec) {
        FetchPoint point = client.measure(spec, watchdog);
        progress.println(describe(point));
        return point;
    }

    private static String spec(Duration latency) {
        return latency.isZero() ? "0" : latency.toMillis() + "ms";
    }

    /** The site's base URL per latency, as it prints them once it listens. */
    private static Map<String, String> urlsOf(ChildJvm site, int count) {
        Map<String, String> urls = new HashMap<>();
        while (urls.size() < count) {
            String line = site.readLine();
            if (line == null) {
                throw new IllegalStateException("the site JVM did not start: " + site.logTail());
            }
            if (line.startsWith(SiteServer.URL_PREFIX)) {
                String[] latencyAndUrl = line.substring(SiteServer.URL_PREFIX.length()).trim().split(" ", 2);
                urls.put(latencyAndUrl[0], latencyAndUrl[1]);
            }
        }
        return urls;
    }

    private static String describe(FetchPoint point) {
        String ideal = point.fractionOfIdeal() == null || point.phase().equals("footprint") ? ""
                : " (" + Numbers.percent(point.fractionOfIdeal()) + " of C/L)";
        String memory = point.rssPerInFlightBytes() == null ? ""
                : ", " + Numbers.decimal(point.rssPerInFlightBytes() / 1000, 1) + " KB RSS per in-flight request";
        return String.format(Locale.ROOT, "  %-10s %-8s C=%-5d %10s req/s%s, p99 %s ms, %d OS threads, %d errors%s",
                point.phase(), point.variant(), point.concurrency(), Numbers.decimal(point.throughput(), 0), ideal,
                Numbers.decimal(point.p99Ms(), 1), point.peakOsThreads(), point.errors(), memory);
    }
}
