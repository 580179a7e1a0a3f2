package dev.flowline.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FetchClient} JVM as the coordinator sees it: started, then asked for one point at a time. A point is
 * sent, then its result read, so that the coordinator can do something else in between (while the point's outcome
 * does not depend on it).
 */
final class ClientJvm implements AutoCloseable {
    /** Client heap: roomy enough for 4,000 requests in flight in any variant, small enough to keep RSS readable. */
    static final List<String> OPTIONS = List.of("-Xmx1g", "-XX:+UseG1GC",
            "--enable-native-access=ALL-UNNAMED");  // Netty loads its native transport: no warning about it
    /**
     * The footprint clients' options on top, so that freed memory goes back to the OS alike at both readings: after
     * a full GC, G1 keeps at most 10% of the heap free and gives the rest back (the default lets it keep 70%, and
     * how much of that stays resident varies with how the heap was used); and every 100 ms the JVM gives the C
     * heap's free memory back too (glibc keeps what was freed, such as the JIT compilers' scratch memory, more or
     * less of it by chance). JDK 21 has the trimming option from 21.0.1 on, as an experimental one.
     */
    static List<String> footprintOptions() {
        List<String> trimNativeHeap = Runtime.version().feature() >= 22 ? List.of("-XX:TrimNativeHeapInterval=100")
                : List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+IgnoreUnrecognizedVMOptions",
                        "-XX:TrimNativeHeapInterval=100");
        List<String> options = new ArrayList<>(List.of("-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=10"));
        options.addAll(trimNativeHeap);
        return List.copyOf(options);
    }
    /** Beyond a point's own warmup and window, how long it may take before its JVM is taken for hung. */
    private static final long GRACE_SECONDS = 60;

    private final String name;
    private final ChildJvm jvm;
    private final ScheduledExecutorService watchdog;
    private final ObjectMapper json = new ObjectMapper();
    private PointSpec sent;
    private ScheduledFuture<?> hung;

    private ClientJvm(String name, ChildJvm jvm, ScheduledExecutorService watchdog) {
        this.name = name;
        this.jvm = jvm;
        this.watchdog = watchdog;
    }

    /**
     * Starts the JVM; it opens the variant's driver and then waits for points (see {@link #awaitReady()}). A hung
     * client must not hang the benchmark: {@code watchdog} destroys its JVM once a point is long overdue.
     */
    static ClientJvm start(String name, FetchVariant variant, int maxConcurrency, List<String> jvmOptions, Path log,
                           ScheduledExecutorService watchdog) {
        return new ClientJvm(name, ChildJvm.start(name, jvmOptions, FetchClient.class,
                List.of("--variant", variant.label(), "--max-concurrency", String.valueOf(maxConcurrency)), log), watchdog);
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

    /** Runs one point in this JVM and returns it. */
    FetchPoint measure(PointSpec spec) {
        send(spec);
        return result();
    }

    /** Sends a point to run; {@link #result()} reads what it measured. */
    void send(PointSpec spec) {
        long deadline = TimeUnit.MILLISECONDS.toSeconds(spec.warmupMs() + spec.measureMs()) + GRACE_SECONDS;
        hung = watchdog.schedule(jvm::close, deadline, TimeUnit.SECONDS);
        sent = spec;
        try {
            jvm.writeLine(json.writeValueAsString(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the point " + spec + ": " + e.getMessage(), e);
        }
    }

    /** What the point sent last measured, once it has. */
    FetchPoint result() {
        try {
            for (String line = jvm.readLine(); line != null; line = jvm.readLine()) {
                if (line.startsWith(FetchClient.POINT_PREFIX)) {
                    return json.readValue(line.substring(FetchClient.POINT_PREFIX.length()), FetchPoint.class);
                }
            }
            throw failed("ended during the " + sent.phase() + " point at C = " + sent.concurrency());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the " + name + " JVM and the coordinator disagree on a point: " + e.getMessage(), e);
        } finally {
            hung.cancel(false);
        }
    }

    private IllegalStateException failed(String what) {
        return new IllegalStateException("the " + name + " JVM " + what + ": " + jvm.logTail());
    }

    /** Destroys the JVM in the background: done once the returned future is (see {@link ChildJvm#close()}). */
    CompletableFuture<Void> closeInBackground() {
        return CompletableFuture.runAsync(jvm::close, Thread::startVirtualThread);
    }

    @Override
    public void close() {
        jvm.close();
    }
}
