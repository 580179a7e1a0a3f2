package dev.flowline;

import dev.flowline.report.JsonText;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A per-element timeline of a run, for a trace viewer: for a sample of the elements each stage handles, when the
 * stage started and ended on that element and on which thread. Written as Chrome trace JSON, which
 * <a href="https://ui.perfetto.dev">Perfetto</a> and {@code chrome://tracing} open.
 *
 * <pre>{@code
 * Timeline timeline = Timeline.sampling(10, 100_000);         // every 10th element per stage, 100k events at most
 * pipeline.recordTimeline(timeline).run(source).await();
 * timeline.writeChromeTrace(Path.of("run.trace.json"));
 * }</pre>
 *
 * <p>CPU and BLOCKING_IO stages appear as slices on the thread that ran them; ASYNC_IO stages as async slices
 * from the call that started the I/O to the arrival of its result — the picture of a few event loops juggling
 * thousands of requests next to a pool of blocked threads. Each stage samples its own elements: slices of one
 * element in different stages are not linked. Recording stops at the event limit; the rest are counted as dropped.
 */
public final class Timeline {
    private final int everyNth;
    private final int maxEvents;
    private final long originNanos = System.nanoTime();
    private final Queue<String> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger recorded = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong asyncIds = new AtomicLong();
    private final Map<Long, String> threadNames = new ConcurrentHashMap<>();

    private Timeline(int everyNth, int maxEvents) {
        this.everyNth = everyNth;
        this.maxEvents = maxEvents;
    }

    /** Records every {@code everyNth} element of each stage, up to {@code maxEvents} events in all. */
    public static Timeline sampling(int everyNth, int maxEvents) {
        if (everyNth < 1 || maxEvents < 1) {
            throw new FlowlineException("a timeline samples every n-th element (n >= 1) up to a positive number of "
                    + "events, got every " + everyNth + ", at most " + maxEvents);
        }
        return new Timeline(everyNth, maxEvents);
    }

    /** The number of events recorded. */
    public int events() {
        return recorded.get();
    }

    /** The number of events not recorded because the limit was reached. */
    public long dropped() {
        return dropped.sum();
    }

    /** Whether the element with this per-stage sequence number is sampled. */
    boolean samples(long sequence) {
        return sequence % everyNth == 0;
    }

    /** A stage ran on one thread from {@code startNanos} to {@code endNanos} ({@link System#nanoTime()}). */
    void slice(String stage, String kind, Thread thread, long startNanos, long endNanos) {
        add("{\"name\":" + JsonText.quote(stage) + ",\"cat\":" + JsonText.quote(kind) + ",\"ph\":\"X\",\"pid\":1,\"tid\":"
                + threadId(thread) + ",\"ts\":" + micros(startNanos) + ",\"dur\":" + asMicros(endNanos - startNanos) + "}", 1);
    }

    /** An async stage started its I/O on {@code startThread} and got the result on {@code endThread}. */
    void asyncSlice(String stage, Thread startThread, long startNanos, Thread endThread, long endNanos) {
        long id = asyncIds.incrementAndGet();
        String common = "\"name\":" + JsonText.quote(stage) + ",\"cat\":\"ASYNC_IO\",\"pid\":1,\"id\":" + id;
        add("{" + common + ",\"ph\":\"b\",\"tid\":" + threadId(startThread) + ",\"ts\":" + micros(startNanos)
                + "},\n{" + common + ",\"ph\":\"e\",\"tid\":" + threadId(endThread) + ",\"ts\":" + micros(endNanos)
                + ",\"args\":{\"completed on\":" + JsonText.quote(endThread.getName()) + "}}", 2);
    }

    private void add(String event, int count) {
        if (recorded.addAndGet(count) > maxEvents) {
            recorded.addAndGet(-count);
            dropped.add(count);
            return;
        }
        events.add(event);
    }

    private long threadId(Thread thread) {
        long id = thread.threadId();
        threadNames.putIfAbsent(id, (thread.isVirtual() ? "virtual " : "") + thread.getName());
        return id;
    }

    /** A {@link System#nanoTime()} reading as microseconds since the timeline began, as trace files want. */
    private String micros(long nanoTime) {
        return asMicros(nanoTime - originNanos);
    }

    private static String asMicros(long nanos) {
        return nanos / 1000 + "." + String.format("%03d", Math.abs(nanos % 1000));
    }

    /** The timeline as Chrome trace JSON. */
    public String toChromeTrace() {
        StringBuilder json = new StringBuilder("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
        threadNames.forEach((id, name) -> json.append("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":")
                .append(id).append(",\"args\":{\"name\":").append(JsonText.quote(name)).append("}},\n"));
        events.forEach(event -> json.append(event).append(",\n"));
        json.append("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"flowline\"}}\n]}\n");
        return json.toString();
    }

    /** Writes {@link #toChromeTrace()} to {@code file}. */
    public void writeChromeTrace(Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file)) {
            writer.write(toChromeTrace());
        }
    }
}
