package dev.flowline.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a JDK HttpClient body publisher on the calling thread, one chunk at a time, waiting at most the response
 * timeout for each: the JDK's own request timeout stops at the headers, so a stalled body would block forever.
 */
final class BlockingBody implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();

    /** At most one chunk and one end signal wait here: the subscriber asks for one chunk at a time. */
    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;

    /**
     * Gives every chunk of {@code body} to {@code sink} until the body ends, or until {@code sink} answers false: then
     * the rest is cancelled, which closes its connection (a half-read one is never reused).
     *
     * @throws FetchFailure {@link FetchOutcome#TIMEOUT} when no chunk comes within {@code idleTimeout}, or the body
     *                      is not over by {@code deadline} ({@link System#nanoTime()}); whatever {@code sink} throws,
     *                      after cancelling the body
     */
    static void drain(Flow.Publisher<List<ByteBuffer>> body, Duration idleTimeout, long deadline, Predicate<ByteBuffer> sink)
            throws IOException, InterruptedException {
        BlockingBody reader = new BlockingBody();
        body.subscribe(reader);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Object signal = left <= 0 ? null : reader.signals.poll(Math.min(idleTimeout.toNanos(), left), TimeUnit.NANOSECONDS);
                if (signal == null && deadline - System.nanoTime() <= 0) {
                    throw new FetchFailure(FetchOutcome.TIMEOUT, "the fetch took longer than its max fetch time");
                }
                if (signal == null) {
                    throw new FetchFailure(FetchOutcome.TIMEOUT, "the body stalled: nothing read for " + idleTimeout.toMillis() + " ms");
                }
                if (signal == END) {
                    return;
                }
                if (signal instanceof IOException error) {
                    throw error;
                }
                if (signal instanceof Throwable error) {
                    throw new IOException(error);
                }
                for (Object chunk : (List<?>) signal) {
                    if (!sink.test((ByteBuffer) chunk)) {
                        reader.cancel();
                        return;
                    }
                }
                reader.subscription.request(1);
            }
        } catch (IOException | InterruptedException | RuntimeException error) {
            reader.cancel();
            throw error;
        }
    }

    /** The shorter of {@code timeout} and the time left until {@code deadline} (at least a millisecond). */
    static Duration shorter(Duration timeout, long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, Math.min(timeout.toNanos(), deadline - System.nanoTime())));
    }

    /** Subscribes and cancels at once: the body is not wanted, and its connection must not be reused half-read. */
    static void discard(Flow.Publisher<List<ByteBuffer>> body) {
        BlockingBody reader = new BlockingBody();
        body.subscribe(reader);
        reader.cancel();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        signals.add(chunk);
    }

    @Override
    public void onError(Throwable error) {
        signals.add(error);
    }

    @Override
    public void onComplete() {
        signals.add(END);
    }

    private void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
