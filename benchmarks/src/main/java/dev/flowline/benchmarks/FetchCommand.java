package dev.flowline.benchmarks;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowline bench fetch}: blocking vs non-blocking fetch, against a local site with a fixed latency. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Fetch the local site (in its own JVM) with each variant (each in a client JVM of its own, and "
                + "a fresh one for its footprint point): a sweep of concurrency at a fixed latency, a saturation point at "
                + "L = 0, and a footprint point with thousands of requests in flight. Writes fetch.csv, fetch.json, "
                + "fetch.md and bench-fetch-*.png charts."})
final class FetchCommand implements Callable<Integer> {

    @Mixin
    ProfileOptions profile;

    @Option(names = "--variants", split = ",", paramLabel = "VARIANT",
            converter = FetchClient.VariantConverter.class,
            description = "which variants, comma-separated (default: all): serial, threads, elastic, virtual, netty, flowline")
    List<FetchVariant> variants = Arrays.asList(FetchVariant.values());


    @Override
    public Integer call() throws Exception {
        FetchProfile chosen = FetchProfile.named(profile.name());
        Machine machine = Machine.current();
        String startedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        System.err.println("fetch benchmark, " + chosen.name() + " profile, on " + machine.describe() + ", load average "
                + machine.loadAverage());
        Path out = profile.out();
        List<FetchPoint> points = new FetchRun(chosen, List.copyOf(variants), out.resolve("logs"), System.err).run();
        FetchResults results = new FetchResults(profile.invocation(), chosen.name(), startedAt, machine,
                Machine.currentLoadAverage(), chosen.sweepLatency().toMillis(), chosen.footprintLatency().toMillis(), points,
                FetchTargets.check(points, machine.cores()));
        List<Path> written = FetchReport.write(results, out);
        ReportText.printTargets(results.targets(), System.out);
        System.out.println("wrote " + written.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
        return 0;
    }
}
