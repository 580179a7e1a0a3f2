package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.Latency;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    private static final long QUICK = LatencyRecorder.SLOW_NANOS / 2;
    private static final long SLOW = LatencyRecorder.SLOW_NANOS * 3;

    @Test
    void everyElementIsTimedUntilEnoughQuickOnesWereSeenInARow() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < LatencyRecorder.QUICK_STREAK; i++) {
            assertThat(recorder.weightOfNext()).as("element %d", i).isEqualTo(1);
            recorder.record(QUICK, 1);
        }

        Set<Integer> weights = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            weights.add(recorder.weightOfNext());
        }
        assertThat(weights).containsExactlyInAnyOrder(0, LatencyRecorder.QUICK_SAMPLING);
        assertThat(recorder.timed()).isEqualTo(LatencyRecorder.QUICK_STREAK);
    }

    @Test
    void aSlowElementMakesItTimeEveryElementAgain() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < LatencyRecorder.QUICK_STREAK; i++) {
            recorder.record(QUICK, 1);
        }
        recorder.record(SLOW, LatencyRecorder.QUICK_SAMPLING);

        assertThat(recorder.weightOfNext()).isEqualTo(1);
    }

    @Test
    void slowElementsAreAlwaysTimed() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 1_000; i++) {
            assertThat(recorder.weightOfNext()).isEqualTo(1);
            recorder.record(SLOW, 1);
        }
    }

    @Test
    void aSampledElementStandsForItsWeightInThePercentiles() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(1_000, 1);
        recorder.record(1_000_000, 15);

        assertThat(recorder.snapshot().getTotalCount()).isEqualTo(16);
        assertThat(recorder.snapshot().getValueAtPercentile(50)).isBetween(990_000L, 1_010_000L);
        assertThat(recorder.timed()).isEqualTo(2);
    }

    @Test
    void aStageWhoseElementsAreNotAllTimedIsReportedAsEstimated() {
        Latency sampled = new Latency(100, 10, Duration.ofNanos(5_000), Duration.ofNanos(8_000),
                Duration.ofNanos(9_000), Duration.ofNanos(9_500));
        Latency whole = new Latency(100, 100, Duration.ofMillis(5), Duration.ofMillis(8), Duration.ofMillis(9),
                Duration.ofMillis(10));

        assertThat(sampled.sampled()).isTrue();
        assertThat(sampled.format(sampled.p50())).isEqualTo("~5us");
        assertThat(whole.sampled()).isFalse();
        assertThat(whole.format(whole.p50())).isEqualTo("5.0ms");
    }
}
