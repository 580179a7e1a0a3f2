package dev.flowline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the crawl benchmark end to end on the tiny profile (a site JVM and a crawler JVM, on loopback) and checks the
 * shape and sanity of what it writes. Figures are never compared with a clock: only with each other (Little's law,
 * counts against rates) and with what the machine has (CPU against cores).
 */
class CrawlBenchmarkTest {

    @Test
    @Timeout(120)
    void tinyRunWritesEveryOutputWithSaneFigures(@TempDir Path out) throws Exception {
        int status = BenchCommand.commandLine().execute("crawl", "--tiny", "--out", out.toString());

        assertThat(status).isZero();
        for (String file : List.of(CrawlReport.CSV, CrawlReport.JSON, CrawlReport.MARKDOWN, CrawlReport.THROUGHPUT_CHART,
                CrawlReport.CPU_CHART)) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        assertThat(Files.readAllBytes(out.resolve(CrawlReport.THROUGHPUT_CHART))).startsWith(0x89, 'P', 'N', 'G');

        List<String> csv = Files.readAllLines(out.resolve(CrawlReport.CSV));
        int columns = CrawlPoint.CSV_HEADER.split(",").length;
        int sweep = CrawlProfile.TINY.sweepConcurrency().size();
        assertThat(csv).hasSize(1 + 1 + sweep).first().isEqualTo(CrawlPoint.CSV_HEADER);
        csv.forEach(row -> assertThat(row.split(",", -1)).hasSize(columns));

        JsonNode results = new ObjectMapper().readTree(out.resolve(CrawlReport.JSON).toFile());
        assertThat(results.get("profile").asText()).isEqualTo("tiny");
        assertThat(results.get("command").asText()).startsWith("flowline bench crawl --tiny");
        long windowsPerCrawl = (CrawlProfile.TINY.sweepSettle().toMillis() + CrawlProfile.TINY.sweepMeasure().toMillis())
                / CrawlProfile.TINY.window().toMillis();
        for (JsonNode point : results.get("points")) {
            String at = point.get("phase").asText() + " C=" + point.get("concurrency").asInt();
            int cores = point.get("cores").asInt();
            assertThat(point.get("pagesPerSecond").asDouble()).as("pages/s of %s", at).isPositive();
            assertThat(point.get("wholePages").asLong()).as(at).isPositive()
                    .isGreaterThanOrEqualTo(point.get("pages").asLong());
            assertThat(point.get("wholeRecords").asLong()).as(at).isGreaterThanOrEqualTo(point.get("wholePages").asLong());
            assertThat(point.get("endedEarly").asBoolean()).as("%s ran out of pages", at).isFalse();
            assertThat(point.get("crawlerCpuMicrosPerPage").asDouble()).as(at).isPositive();
            assertThat(point.get("siteCpuMicrosPerPage").asDouble()).as(at).isPositive();
            // Two processes of the machine cannot use more CPU than the machine has (10 ms ticks aside).
            assertThat(point.get("cpuUse").asDouble()).as(at).isPositive().isLessThan(1.1);
            assertThat(point.get("machineBusy").asDouble()).as(at).isLessThan(1.1)
                    .isGreaterThan(point.get("cpuUse").asDouble() - 0.1);
            assertThat(point.get("crawlerCores").asDouble() + point.get("siteCores").asDouble())
                    .isCloseTo(point.get("cpuUse").asDouble() * cores, org.assertj.core.data.Offset.offset(0.01));
            assertThat(point.get("fetchP99Ms").asDouble()).as(at).isGreaterThanOrEqualTo(point.get("fetchP50Ms").asDouble());
            // Little's law over a few short windows: never far above C (a window edge can catch a burst of records).
            assertThat(point.get("meanInFlight").asDouble()).as(at)
                    .isLessThanOrEqualTo(point.get("concurrency").asInt() * 1.5);
            assertThat(point.get("measuredWindows").asInt()).as(at).isPositive();
            assertThat(point.get("windows").size()).as(at).isGreaterThanOrEqualTo(point.get("measuredWindows").asInt());
            if (point.get("phase").asText().equals("sweep")) {
                assertThat(point.get("windows").size()).as(at).isEqualTo((int) windowsPerCrawl);
                // Little's law: a crawl never beats C / L by much (timer granularity aside); every fetch waits L.
                assertThat(point.get("pagesPerSecond").asDouble()).as(at)
                        .isLessThan(1.2 * point.get("idealPagesPerSecond").asDouble());
                assertThat(point.get("fetchP50Ms").asDouble()).as(at).isGreaterThanOrEqualTo(point.get("latencyMs").asDouble());
            } else {
                assertThat(point.get("idealPagesPerSecond").isNull()).isTrue();
            }
        }
        JsonNode warmup = results.get("warmup");
        assertThat(warmup.get("phase").asText()).isEqualTo(PointSpec.WARMUP);
        // A cold JVM on a busy machine may end its short warm-up before its first page: only the shape is checked.
        assertThat(warmup.get("wholePages").asLong()).isNotNegative();
        assertThat(warmup.get("windows")).isNotEmpty().allSatisfy(window ->
                assertThat(window.get("jitSeconds").asDouble()).isGreaterThanOrEqualTo(0));
        assertThat(results.get("targets")).hasSize(2);
        assertThat(Files.readString(out.resolve(CrawlReport.MARKDOWN)))
                .contains("- Warm-up: ", "## Targets", "## Saturation, L = 0", "## Concurrency sweep, L = 50 ms", "## Windows",
                        CrawlReport.THROUGHPUT_CHART);
    }
}
