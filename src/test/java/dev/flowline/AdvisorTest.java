package dev.flowline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.report.RunReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deliberately mis-declared stages get advice; well-declared ones get none. */
class AdvisorTest {
    /** Enough calls of 2-5 ms for the advisor's 16 samples, one at least every 10 ms. */
    private static final int ELEMENTS = 400;
    private static final long TWO_MILLIS = 2_000_000;
    private static final long FIVE_MILLIS = 5_000_000;

    /** About two milliseconds of pure computation. */
    private static int compute(int n) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] value = String.valueOf(n).getBytes(StandardCharsets.UTF_8);
            long until = System.nanoTime() + TWO_MILLIS;
            while (System.nanoTime() < until) {
                value = sha.digest(value);
            }
            return value[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** About five milliseconds of waiting, off CPU: long against the time a woken thread waits for a core. */
    private static int waitFor(int n) {
        long until = System.nanoTime() + FIVE_MILLIS;
        for (long left = FIVE_MILLIS; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        return n;
    }

    private static RunReport run(Stage<Integer, Integer> stage) {
        return Pipeline.<Integer>named("advised").then(stage).run(Flux.range(0, ELEMENTS)).await();
    }

    @Test
    void computationDeclaredBlockingIsAdvisedToBeCpu() {
        RunReport report = run(Stage.blocking("parse", AdvisorTest::compute).concurrency(1));

        assertThat(report.advice()).singleElement().asString()
                .startsWith("stage 'parse' is declared BLOCKING_IO but spends ")
                .endsWith(": declare it CPU");
        assertThat(report.stages().get(0).cpuShare()).isPresent();
    }

    @Test
    void waitingDeclaredCpuIsAdvisedToBeBlockingIo() {
        RunReport report = run(Stage.cpu("store", AdvisorTest::waitFor).concurrency(2));

        assertThat(report.advice()).singleElement().asString()
                .startsWith("stage 'store' is declared CPU but waits ")
                .endsWith("of its time off CPU: declare it BLOCKING_IO");
    }

    @Test
    void anAsyncStageWhoseFunctionBlocksIsAdvisedToChange() {
        RunReport report = run(Stage.async("lookup", (Integer n) -> Mono.just(waitFor(n))));

        assertThat(report.advice()).singleElement().asString()
                .startsWith("stage 'lookup' is declared ASYNC_IO but its function takes ")
                .endsWith("it blocks; declare it BLOCKING_IO or use a non-blocking client");
    }

    @Test
    void wellDeclaredStagesGetNoAdvice() {
        RunReport report = Pipeline.<Integer>named("advised")
                .then(Stage.cpu("parse", AdvisorTest::compute).concurrency(1))
                .then(Stage.blocking("store", AdvisorTest::waitFor).concurrency(4))
                .then(Stage.async("fetch", (Integer n) -> Mono.just(n)))
                .run(Flux.range(0, ELEMENTS)).await();

        assertThat(report.advice()).isEmpty();
        assertThat(report.toTable()).doesNotContain("advice:");
    }
}
