package dev.flowline.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "50ms", "2s", "250us", "uniform:10ms-90ms", "normal:50ms,10ms", "longtail:20ms,p99=500ms"})
    void readsBackWhatItWrites(String text) {
        assertThat(Latency.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "50", "-5ms", "uniform:90ms-10ms", "uniform:10ms", "gamma:1ms,2ms", "longtail:20ms,p99=5ms", "normal:5ms,x"})
    void rejectsBadValuesNamingThem(String text) {
        assertThatThrownBy(() -> Latency.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .message().satisfiesAnyOf(
                        message -> assertThat(message).contains("'" + text + "'"),
                        message -> assertThat(message).contains(text.substring(text.indexOf(':') + 1).split("[-,]")[0]));
    }

    @Test
    void uniformStaysWithinItsBounds() {
        long[] samples = samples(Latency.parse("uniform:10ms-90ms"), 10_000);
        assertThat(samples[0]).isGreaterThanOrEqualTo(10_000_000L);
        assertThat(samples[samples.length - 1]).isLessThanOrEqualTo(90_000_000L);
    }

    @Test
    void longTailHasTheMedianAndP99ItWasGiven() {
        long[] samples = samples(Latency.parse("longtail:20ms,p99=500ms"), 100_000);
        assertThat(samples[samples.length / 2]).isBetween(19_000_000L, 21_000_000L);
        assertThat(samples[samples.length * 99 / 100]).isBetween(450_000_000L, 550_000_000L);
    }

    @Test
    void normalNeverGoesNegative() {
        assertThat(samples(Latency.parse("normal:5ms,10ms"), 10_000)[0]).isZero();
    }

    /** Sorted samples from a fixed seed: deterministic. */
    private static long[] samples(Latency latency, int count) {
        SplittableRandom random = new SplittableRandom(42);
        long[] samples = new long[count];
        for (int i = 0; i < count; i++) {
            samples[i] = latency.sampleNanos(random);
        }
        Arrays.sort(samples);
        return samples;
    }
}
