package dev.flowline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The targets are judged on the figures as measured, and a missing point is "not measured", never "met". */
class FetchTargetsTest {

    @Test
    void judgesEachTargetOnItsPoint() {
        List<FetchPoint> points = List.of(
                point("sweep", "netty", 1000, 100, 9_800, 19, null),
                point("saturation", "netty", 64, 0, 30_000, 19, null),
                point("saturation", "flowline", 64, 0, 27_000, 19, null),
                point("footprint", "netty", 4000, 5000, 800, 19, 8_000.0));

        List<TargetCheck> checks = FetchTargets.check(points, 2);

        assertThat(checks).extracting(TargetCheck::status).containsExactly("met", "missed", "met");
        assertThat(checks.get(1).measured()).contains("= 90.0%");
    }

    @Test
    void tooManyThreadsMissesEvenAtFullThroughput() {
        List<TargetCheck> checks = FetchTargets.check(List.of(point("sweep", "netty", 1000, 100, 9_900, 23, null)), 2);

        assertThat(checks.get(0).status()).isEqualTo("missed");
        assertThat(checks.get(0).measured()).contains("23 OS threads", "23 = 6 GC + 2 JIT + 10 VM/service + 2 event loop + 3 other Java");
        assertThat(checks.get(1).status()).isEqualTo("not measured");
        assertThat(checks.get(2).status()).isEqualTo("not measured");
    }

    private static FetchPoint point(String phase, String variant, int c, double latencyMs, double throughput, int threads,
                                    Double perInFlight) {
        Double ideal = latencyMs > 0 ? c * 1000 / latencyMs : null;
        boolean footprint = perInFlight != null;
        return new FetchPoint(phase, variant, c, latencyMs, 1000, 0, null, 1, throughput, ideal, 1, 2, 3, 4, c, threads,
                threads - 10, new ThreadCensus(6, 2, 10, 2, threads - 20), 100_000_000, 10_000_000, 100,
                footprint ? 1L : null, footprint ? 2L : null, perInFlight, footprint ? 1L : null, footprint ? 2L : null,
                footprint ? perInFlight / 2 : null, footprint ? c : null);
    }
}
