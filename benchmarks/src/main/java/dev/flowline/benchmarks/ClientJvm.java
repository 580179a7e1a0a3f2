package dev.flowline.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link FetchClient} JVM as the coordinator sees it: started, then asked for one point at a time. */
final class ClientJvm implements AutoCloseable {
    /** Client heap: roomy enough for 4,000 requests in flight in any variant, small enough to keep RSS readable. */
    private static final List<String> OPTIONS = List.of("-Xmx1g", "-XX:+UseG1GC",
            "--enable-native-access=ALL-UNNAMED");  // Netty loads its native transport: no warning about it
    /** Beyond a point's own warmup and window, how long it may take before its JVM is taken for hung. */
    private static final long GRACE_SECONDS = 60;

    private final String name;
    private final ChildJvm jvm;
    private final ObjectMapper json = new ObjectMapper();

    private ClientJvm(String name, ChildJvm jvm) {
        this.name = name;
        this.jvm = jvm;
    }

    /** Starts the JVM; it opens the variant's driver and then waits for points (see {@link #awaitReady()}). */
    static ClientJvm start(String name, FetchVariant variant, int maxConcurrency, Path log) {
        return new ClientJvm(name, ChildJvm.start(name, OPTIONS, FetchClient.class,
                List.of("--variant", variant.label(), "--max-concurrency", String.valueOf(maxConcurrency)), log));
    }

    /** Waits until the JVM has started and opened its driver. */
    void awaitReady() {
        for (String line = jvm.readLine(); line != null; line = jvm.readLine()) {
            if (line.equals(FetchClient.READY)) {
                return;
            }
        }
        throw failed("did not start");
    }

    /**
     * Runs one point in this JVM and returns it. A hung client must not hang the benchmark: past a generous deadline
     * its JVM is destroyed, which ends its output and fails the point.
     */
    FetchPoint measure(PointSpec spec, ScheduledExecutorService watchdog) {
        long deadline = TimeUnit.MILLISECONDS.toSeconds(spec.warmupMs() + spec.measureMs()) + GRACE_SECONDS;
        ScheduledFuture<?> hung = watchdog.schedule(jvm::close, deadline, TimeUnit.SECONDS);
        try {
            jvm.writeLine(json.writeValueAsString(spec));
            for (String line = jvm.readLine(); line != null; line = jvm.readLine()) {
                if (line.startsWith(FetchClient.POINT_PREFIX)) {
                    return json.readValue(line.substring(FetchClient.POINT_PREFIX.length()), FetchPoint.class);
                }
            }
            throw failed("ended during the " + spec.phase() + " point at C = " + spec.concurrency());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the " + name + " JVM and the coordinator disagree on a point: " + e.getMessage(), e);
        } finally {
            hung.cancel(false);
        }
    }

    private IllegalStateException failed(String what) {
        return new IllegalStateException("the " + name + " JVM " + what + ": " + jvm.logTail());
    }

    @Override
    public void close() {
        jvm.close();
    }
}
