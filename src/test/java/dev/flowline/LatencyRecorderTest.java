package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

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
        assertThat(recorder.summary(LatencyRecorder.QUICK_STREAK).timed()).isEqualTo(LatencyRecorder.QUICK_STREAK);
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

        Latency latency = recorder.summary(16);
        assertThat(latency.p50()).isEqualTo(Duration.ofNanos(1_000_000));
        assertThat(latency.timed()).isEqualTo(2);
        assertThat(latency.sampled()).isTrue();
    }

    @Test
    void theFirstLatenciesAreExactAndLaterOnesGoToHistogramsWithinTheirPrecision() {
        LatencyRecorder few = new LatencyRecorder();
        LatencyRecorder many = new LatencyRecorder();
        for (int i = 1; i <= 100; i++) {
            few.record(i * 1_000_003L, 1);
        }
        for (int i = 1; i <= 10 * LatencyRecorder.FIRST; i++) {
            many.record(i * 1_000_003L, 1);
        }

        assertThat(few.summary(100)).isEqualTo(new Latency(100, 100, Duration.ofNanos(50_000_150),
                Duration.ofNanos(90_000_270), Duration.ofNanos(99_000_297), Duration.ofNanos(100_000_300)));
        Latency later = many.summary(10 * LatencyRecorder.FIRST);
        long n = 10L * LatencyRecorder.FIRST;
        assertThat(later.p50().toNanos()).isCloseTo(n / 2 * 1_000_003L, withinPercentage(1));
        assertThat(later.p99().toNanos()).isCloseTo(n * 99 / 100 * 1_000_003L, withinPercentage(1));
        assertThat(later.max().toNanos()).isCloseTo(n * 1_000_003L, withinPercentage(1));
        assertThat(later.sampled()).isFalse();
    }

    @Test
    void nothingTimedIsAnEmptyDistribution() {
        assertThat(new LatencyRecorder().summary(0)).isEqualTo(Latency.EMPTY);
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
