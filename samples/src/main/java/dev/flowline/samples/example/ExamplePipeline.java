package dev.flowline.samples.example;

import dev.flowline.Pipeline;
import dev.flowline.Stage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Mono;

/**
 * The example of the guide: three stages, one of each kind, with simulated work.
 *
 * <ol>
 *   <li>{@code fetch} — ASYNC_IO: waits {@code latency} without holding a thread (a timer, as a non-blocking client
 *       would), then yields a "page";</li>
 *   <li>{@code parse} — CPU: hashes the page {@code hashRounds} times;</li>
 *   <li>{@code store} — BLOCKING_IO: holds its thread for {@code storeTime}, as a blocking database write would.</li>
 * </ol>
 */
public final class ExamplePipeline {

    private ExamplePipeline() {}

    /** The example pipeline over element numbers, producing one hex digest per element. */
    public static Pipeline<Integer, String> create(Duration latency, int hashRounds, Duration storeTime) {
        return Pipeline.<Integer>named("example")
                .then(Stage.async("fetch", (Integer n) -> Mono.delay(latency).map(tick -> "page " + n))
                        .concurrency(64))
                .then(Stage.cpu("parse", (String page) -> digest(page, hashRounds)))
                .then(Stage.blocking("store", (String digest) -> store(digest, storeTime))
                        .concurrency(32));
    }

    static String digest(String page, int rounds) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] value = page.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < rounds; i++) {
                value = sha256.digest(value);
            }
            return HexFormat.of().formatHex(value, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    static String store(String digest, Duration storeTime) {
        // parkNanos, not a busy loop: a blocking write holds its thread without using a core.
        long deadline = System.nanoTime() + storeTime.toNanos();
        for (long left = storeTime.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        return digest;
    }
}
