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
 * Runs the fetch benchmark end to end on the tiny profile (a site JVM, a client JVM per variant and a footprint
 * client JVM per variant, on loopback) and checks the shape and sanity of what it writes. Figures are never compared
 * with a clock.
 */
class FetchBenchmarkTest {

    @Test
    @Timeout(120)
    void tinyRunWritesEveryOutputWithSaneFigures(@TempDir Path out) throws Exception {
        int status = BenchCommand.commandLine().execute("fetch", "--tiny", "--variants", "netty,flowline",
                "--out", out.toString());

        assertThat(status).isZero();
        for (String file : List.of(FetchReport.CSV, FetchReport.JSON, FetchReport.MARKDOWN, FetchReport.THROUGHPUT_CHART,
                FetchReport.P99_CHART, FetchReport.THREADS_CHART, FetchReport.MEMORY_CHART)) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        assertThat(Files.readAllBytes(out.resolve(FetchReport.THROUGHPUT_CHART))).startsWith(0x89, 'P', 'N', 'G');

        List<String> csv = Files.readAllLines(out.resolve(FetchReport.CSV));
        int columns = FetchPoint.CSV_HEADER.split(",").length;
        // 2 variants x (2 sweep points + 2 saturation rounds + 1 footprint)
        assertThat(csv).hasSize(1 + 10).first().isEqualTo(FetchPoint.CSV_HEADER);
        csv.forEach(row -> assertThat(row.split(",", -1)).hasSize(columns));

        JsonNode results = new ObjectMapper().readTree(out.resolve(FetchReport.JSON).toFile());
        assertThat(results.get("profile").asText()).isEqualTo("tiny");
        assertThat(results.get("command").asText()).startsWith("flowline bench fetch --tiny");
        for (JsonNode point : results.get("points")) {
            String phase = point.get("phase").asText();
            assertThat(point.get("peakOsThreads").asInt()).as("threads of %s", point).isPositive();
            assertThat(point.get("peakRssBytes").asLong()).isPositive();
            if (!phase.equals("footprint")) {
                assertThat(point.get("throughput").asDouble()).as("throughput of %s", point).isPositive();
                assertThat(point.get("errors").asLong()).as("errors of %s", point).isZero();
                assertThat(point.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(point.get("p50Ms").asDouble());
                assertThat(point.get("meanInFlight").asDouble()).isLessThanOrEqualTo(point.get("concurrency").asInt());
            } else {
                assertThat(point.get("idleRssBytes").asLong()).isPositive();
                assertThat(point.get("heldRssBytes").asLong()).isPositive();
                assertThat(point.get("idleLiveHeapBytes").asLong()).isPositive();
                assertThat(point.get("heldLiveHeapBytes").asLong()).isPositive();
                assertThat(point.get("heldAtSite").asInt()).isPositive();
                assertThat(point.has("rssPerInFlightBytes")).isTrue();
                assertThat(point.has("liveHeapPerInFlightBytes")).isTrue();
            }
            JsonNode kinds = point.get("threadsAtPeak");
            assertThat(kinds.get("vm").asInt()).as("VM threads of %s", point).isPositive();
            if (phase.equals("sweep")) {
                assertThat(kinds.get("eventLoop").asInt()).as("event loops of %s", point).isPositive();
            }
            if (phase.equals("sweep")) {
                // Little's law: a closed loop never beats C / L by much (timer granularity aside).
                assertThat(point.get("throughput").asDouble()).isLessThan(1.5 * point.get("idealThroughput").asDouble());
            }
        }
        assertThat(results.get("targets")).hasSize(3);
        assertThat(Files.readString(out.resolve(FetchReport.MARKDOWN)))
                .contains("## Targets", "## Concurrency sweep", "## Saturation", "## OS threads by kind", "## Footprint",
                        FetchReport.MEMORY_CHART);
    }
}
