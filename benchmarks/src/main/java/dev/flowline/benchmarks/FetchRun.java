package dev.flowline.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the fetch benchmark's points: starts one site JVM per latency, then one client JVM per variant and phase,
 * and collects what the clients print. Every JVM it starts is destroyed when it is done, failed or not.
 */
final class FetchRun {
    /** Client heap: roomy enough for 4,000 requests in flight in any variant, small enough to keep RSS readable. */
    private static final List<String> CLIENT_JVM = List.of("-Xmx1g", "-XX:+UseG1GC");
    private static final List<String> SITE_JVM = List.of("-Xmx1g");
    /** The phase of the saturation points run again, in reverse order, for the stage-cost target. */
    static final String SECOND_SATURATION = "saturation-2";

    private final FetchProfile profile;
    private final List<FetchVariant> variants;
    private final Path logs;
    private final PrintStream progress;
    private final ObjectMapper json = new ObjectMapper();

    FetchRun(FetchProfile profile, List<FetchVariant> variants, Path logs, PrintStream progress) {
        this.profile = profile;
        this.variants = variants;
        this.logs = logs;
        this.progress = progress;
    }

    List<FetchPoint> run() throws InterruptedException {
        List<FetchPoint> points = new ArrayList<>();
        try (ChildJvm sweepSite = site(profile.sweepLatency());
             ChildJvm fastSite = site(Duration.ZERO);
             ChildJvm slowSite = site(profile.footprintLatency())) {
            String sweepUrl = urlOf(sweepSite);
            String fastUrl = urlOf(fastSite);
            String slowUrl = urlOf(slowSite);
            for (FetchVariant variant : variants) {
                List<Integer> sweep = variant.concurrent() ? profile.sweepConcurrency() : List.of(1);
                points.addAll(client(variant, "sweep", sweepUrl, profile.sweepLatency(), sweep, profile.sweepWarmup(),
                        profile.sweepMeasure(), List.of()));
            }
            for (FetchVariant variant : variants) {
                int c = variant.concurrent() ? profile.saturationConcurrency() : 1;
                points.addAll(client(variant, "saturation", fastUrl, Duration.ZERO, List.of(c),
                        profile.saturationWarmup(), profile.saturationMeasure(), List.of()));
            }
            if (variants.contains(FetchVariant.NETTY) && variants.contains(FetchVariant.FLOWLINE)) {
                // The stage-cost target compares two JVMs run seconds apart: a second round in reverse order
                // (A B ... B A) cancels a steady drift in the machine's load.
                for (FetchVariant variant : List.of(FetchVariant.FLOWLINE, FetchVariant.NETTY)) {
                    points.addAll(client(variant, SECOND_SATURATION, fastUrl, Duration.ZERO,
                            List.of(profile.saturationConcurrency()), profile.saturationWarmup(),
                            profile.saturationMeasure(), List.of()));
                }
            }
            for (FetchVariant variant : variants) {
                if (variant.concurrent() && variant != FetchVariant.ELASTIC) {
                    points.addAll(client(variant, "footprint", slowUrl, profile.footprintLatency(),
                            List.of(profile.footprintConcurrency()), profile.footprintWarmup(), profile.footprintHold(),
                            List.of("--footprint-warm-url", fastUrl,
                                    "--footprint-ramp-ms", String.valueOf(profile.footprintRamp().toMillis()))));
                }
            }
        }
        return points;
    }

    private ChildJvm site(Duration latency) {
        String spec = latency.isZero() ? "0" : latency.toMillis() + "ms";
        return ChildJvm.start("site (" + spec + ")", SITE_JVM, SiteServer.class, List.of(spec),
                logs.resolve("site-" + spec + ".log"));
    }

    private static String urlOf(ChildJvm site) {
        String line = site.readLine();
        if (line == null || !line.startsWith(SiteServer.URL_PREFIX)) {
            throw new IllegalStateException("the site JVM did not start: " + site.logTail());
        }
        return line.substring(SiteServer.URL_PREFIX.length()).trim();
    }

    private List<FetchPoint> client(FetchVariant variant, String phase, String url, Duration latency,
                                    List<Integer> concurrency, Duration warmup, Duration measure, List<String> extra)
            throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--variant", variant.label(), "--phase", phase, "--url", url,
                "--latency-ms", String.valueOf(latency.toMillis()),
                "--concurrency", concurrency.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "--warmup-ms", String.valueOf(warmup.toMillis()), "--measure-ms", String.valueOf(measure.toMillis())));
        args.addAll(extra);
        List<FetchPoint> points = new ArrayList<>();
        try (ChildJvm client = ChildJvm.start(variant.label() + " client", CLIENT_JVM, FetchClient.class, args,
                logs.resolve(phase + "-" + variant.label() + ".log"))) {
            // A hung client must not hang the benchmark: past a generous deadline it is destroyed, ending its output.
            long deadlineSeconds = 60 + concurrency.size() * (warmup.plus(measure).toSeconds() + 30);
            CompletableFuture.runAsync(client::close, CompletableFuture.delayedExecutor(deadlineSeconds, TimeUnit.SECONDS));
            for (String line = client.readLine(); line != null; line = client.readLine()) {
                if (line.startsWith(FetchClient.POINT_PREFIX)) {
                    FetchPoint point = parse(line.substring(FetchClient.POINT_PREFIX.length()));
                    points.add(point);
                    progress.println(describe(point));
                }
            }
            int status = client.waitFor();
            if (status != 0 || points.size() != concurrency.size()) {
                throw new IllegalStateException("the " + variant.label() + " client JVM (" + phase + ") failed with exit "
                        + "status " + status + ": " + client.logTail());
            }
        }
        return points;
    }

    private FetchPoint parse(String text) {
        try {
            return json.readValue(text, FetchPoint.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a client printed a point that is not JSON: " + text, e);
        }
    }

    private static String describe(FetchPoint point) {
        String ideal = point.fractionOfIdeal() == null || point.phase().equals("footprint") ? ""
                : " (" + Numbers.percent(point.fractionOfIdeal()) + " of C/L)";
        String memory = point.rssPerInFlightBytes() == null ? ""
                : ", " + Numbers.decimal(point.rssPerInFlightBytes() / 1000, 1) + " KB RSS per in-flight request";
        return String.format(java.util.Locale.ROOT, "  %-10s %-8s C=%-5d %10s req/s%s, p99 %s ms, %d OS threads, %d errors%s",
                point.phase(), point.variant(), point.concurrency(), Numbers.decimal(point.throughput(), 0), ideal,
                Numbers.decimal(point.p99Ms(), 1), point.peakOsThreads(), point.errors(), memory);
    }
}
