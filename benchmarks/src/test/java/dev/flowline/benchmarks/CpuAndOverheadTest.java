package dev.flowline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CPU and JMH benchmarks on their tiny profiles: every output written, every figure positive. */
class CpuAndOverheadTest {

    @Test
    @Timeout(60)
    void cpuBenchmarkMeasuresEveryVariant(@TempDir Path out) throws Exception {
        assertThat(BenchCommand.commandLine().execute("cpu", "--tiny", "--out", out.toString())).isZero();

        for (String file : new String[] {CpuCommand.CSV, CpuCommand.JSON, CpuCommand.MARKDOWN, CpuCommand.CHART}) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        JsonNode results = new ObjectMapper().readTree(out.resolve(CpuCommand.JSON).toFile());
        assertThat(results.get("points")).hasSize(CpuVariant.values().length);
        for (JsonNode point : results.get("points")) {
            assertThat(point.get("elementsPerSecond").asDouble()).isPositive();
            assertThat(point.get("speedup").asDouble()).isPositive();
        }
        assertThat(results.get("points").get(0).get("speedup").asDouble()).isEqualTo(1.0);
        assertThat(results.get("controlSpeedup").asDouble()).isPositive();
    }

    @Test
    @Timeout(90)
    void overheadBenchmarkRunsJmhInAFork(@TempDir Path out) throws Exception {
        assertThat(BenchCommand.commandLine().execute("overhead", "--tiny", "--out", out.toString())).isZero();

        for (String file : new String[] {OverheadCommand.CSV, OverheadCommand.JSON, OverheadCommand.MARKDOWN,
                OverheadCommand.CHART, "jmh.json"}) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        JsonNode results = new ObjectMapper().readTree(out.resolve(OverheadCommand.JSON).toFile());
        JsonNode point = results.get("points").get(0);
        assertThat(point.get("flowlineNsPerElement").asDouble()).isPositive();
        assertThat(point.get("reactorNsPerElement").asDouble()).isPositive();
        assertThat(results.get("reportSnapshotNs").asDouble()).isPositive();
        assertThat(results.get("recordingNs").asDouble()).isPositive();
        assertThat(results.get("recordingTwoThreadsNs").asDouble()).isPositive();
    }
}
