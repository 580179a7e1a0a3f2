package dev.flowline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowline.http.FetchOptions;
import dev.flowline.http.FetchResponse;
import dev.flowline.http.Fetcher;
import dev.flowline.site.LocalSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What the fetch client reads: its threads by kind, its memory after a full GC, the requests the site received. */
class MeasuringTest {

    @Test
    void namesThreadsByKind() {
        assertThat(ThreadCensus.Kind.of("GC Thread#1", false)).isEqualTo(ThreadCensus.Kind.GC);
        assertThat(ThreadCensus.Kind.of("G1 Refine#0", false)).isEqualTo(ThreadCensus.Kind.GC);
        assertThat(ThreadCensus.Kind.of("C2 CompilerThre", false)).isEqualTo(ThreadCensus.Kind.JIT);
        assertThat(ThreadCensus.Kind.of("VM Periodic Tas", false)).isEqualTo(ThreadCensus.Kind.VM);
        assertThat(ThreadCensus.Kind.of("Common-Cleaner", false)).isEqualTo(ThreadCensus.Kind.VM);
        assertThat(ThreadCensus.Kind.of("java", true)).isEqualTo(ThreadCensus.Kind.VM);
        assertThat(ThreadCensus.Kind.of("java", false)).isEqualTo(ThreadCensus.Kind.OTHER_JAVA);
        assertThat(ThreadCensus.Kind.of("bench-netty-epo", false)).isEqualTo(ThreadCensus.Kind.EVENT_LOOP);
        assertThat(ThreadCensus.Kind.of("HttpClient-1-Se", false)).isEqualTo(ThreadCensus.Kind.EVENT_LOOP);
        assertThat(ThreadCensus.Kind.of("bench-sampler", false)).isEqualTo(ThreadCensus.Kind.OTHER_JAVA);
    }

    @Test
    void countsThisJvmsThreads() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");

        ThreadCensus census = ThreadCensus.take();

        assertThat(census.vm()).as("the VM thread at least").isPositive();
        assertThat(census.otherJava()).as("this test's thread at least").isPositive();
        assertThat(census.describe()).startsWith(census.total() + " = ");
    }

    @Test
    void asksTheSiteHowManyRequestsItServes() throws Exception {
        try (LocalSite site = LocalSite.builder().pages(10).holdUntilInFlight(3, Duration.ofMinutes(1)).start();
             Fetcher fetcher = Fetcher.blocking(FetchOptions.defaults())) {
            assertThat(SiteStats.inFlight(site.baseUrl())).isZero();
            List<CompletableFuture<FetchResponse>> held = List.of(
                    CompletableFuture.supplyAsync(() -> fetcher.get(site.url("/page/1")), Thread::startVirtualThread),
                    CompletableFuture.supplyAsync(() -> fetcher.get(site.url("/page/2")), Thread::startVirtualThread));
            while (site.counters().inFlight() < 2) {
                Thread.onSpinWait();  // the site holds both until a third arrives
            }

            assertThat(SiteStats.inFlight(site.baseUrl())).isEqualTo(2);
            fetcher.get(site.url("/page/3"));
            held.forEach(CompletableFuture::join);
        }
    }

    @Test
    void readsMemoryAfterAFullGc() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "Linux only");

        MemoryReading reading = MemoryReading.afterFullGc();

        assertThat(reading.rssBytes()).isPositive();
        assertThat(reading.liveHeapBytes()).isPositive().isLessThan(reading.rssBytes());
    }
}
