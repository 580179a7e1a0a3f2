package dev.flowline.benchmarks;

import java.nio.file.Path;
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
        BenchStart start = BenchStart.announce("fetch", chosen.name(), System.err);
        Machine machine = start.machine();
        Path out = profile.out();
        List<FetchPoint> points = new FetchRun(chosen, List.copyOf(variants), out.resolve("logs"), System.err).run();
        FetchResults results = new FetchResults(profile.invocation(), chosen.name(), start.startedAt(), machine,
                Machine.currentLoadAverage(), chosen.sweepLatency().toMillis(), chosen.footprintLatency().toMillis(), points,
                FetchTargets.check(points, machine.cores()));
        ReportText.printOutcome(results.targets(), FetchReport.write(results, out), System.out);
        return 0;
    }
}
