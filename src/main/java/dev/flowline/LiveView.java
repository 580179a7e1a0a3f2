package dev.flowline;

import dev.flowline.report.RunReport;
import dev.flowline.report.StageReport;
import dev.flowline.scheduling.ThreadKind;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A live, per-stage view of a run on a terminal, redrawn in place: in flight (running on a thread, or waiting for
 * one or for I/O), done, errors, throughput, p99, and the platform threads alive by kind. Silent when the output is
 * not an interactive terminal, so logs and pipes stay clean; the same figures are always available as JSON from
 * {@code run.report().toJson()}.
 *
 * <pre>{@code
 * Run<Page> run = pipeline.run(source);
 * try (LiveView view = LiveView.show(run)) {
 *     run.await();
 * }
 * }</pre>
 *
 * <p>It refreshes from a daemon thread of its own, never from the run's schedulers, and costs the run nothing
 * between refreshes.
 */
public final class LiveView implements AutoCloseable {
    private final Run<?> run;
    private final PrintStream out;
    private final ScheduledExecutorService ticker;
    private RunReport previous;
    private int linesDrawn;

    private LiveView(Run<?> run, PrintStream out, Duration every) {
        this.run = run;
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-view");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::redraw, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Shows {@code run} on standard error every second when a person is watching: if {@link #interactiveTerminal()}.
     */
    public static LiveView show(Run<?> run) {
        return interactiveTerminal() ? show(run, System.err, Duration.ofSeconds(1)) : new LiveView();
    }

    /** Shows {@code run} on {@code out} every {@code every}, whatever {@code out} is. */
    public static LiveView show(Run<?> run, PrintStream out, Duration every) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(out, "out");
        if (every.toMillis() < 50) {
            throw new FlowlineException("a live view refreshes at most every 50ms, got " + Durations.format(every));
        }
        return new LiveView(run, out, every);
    }

    /** A view that shows nothing. */
    private LiveView() {
        this.run = null;
        this.out = null;
        this.ticker = null;
    }

    /**
     * True when the process's console is an interactive terminal: standard input and output are a terminal, so
     * never when output is piped or redirected (the view itself draws on standard error). Programs use it to decide
     * whether to draw any live progress at all.
     */
    public static boolean interactiveTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a console even when redirected, and tells with isTerminal().
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private synchronized void redraw() {
        RunReport report = run.report();
        String frame = render(report, previous, platformThreadsByKind());
        previous = report;
        StringBuilder text = new StringBuilder();
        if (linesDrawn > 0) {
            text.append("\033[").append(linesDrawn).append("F\033[J");   // back to the frame's first line, clear
        }
        text.append(frame);
        linesDrawn = (int) frame.lines().count();
        out.print(text);
        out.flush();
    }

    /** One frame of the view: a line for the run, one per stage, one for threads. */
    static String render(RunReport report, RunReport previous, Map<ThreadKind, Integer> threads) {
        StringBuilder frame = new StringBuilder(String.format(Locale.ROOT, "%s [%s] %s  %s in, %s out%n",
                report.pipeline(), report.mode(), report.state(), report.sourceElements(), report.outputs()));
        double seconds = previous == null ? report.elapsed().toNanos() / 1e9
                : (report.elapsed().toNanos() - previous.elapsed().toNanos()) / 1e9;
        for (int i = 0; i < report.stages().size(); i++) {
            StageReport stage = report.stages().get(i);
            long done = stage.out() + stage.filtered();
            long doneBefore = previous == null ? 0 : previous.stages().get(i).out() + previous.stages().get(i).filtered();
            double rate = seconds <= 0 ? 0 : (done - doneBefore) / seconds;
            frame.append(String.format(Locale.ROOT,
                    "  %-14s %-11s %-26s in flight %5d (running %4d)  done %8d  errors %5d  %8.1f/s  p99 %s%n",
                    stage.name(), stage.kind(), stage.placement(), stage.inFlight(), stage.running(), done,
                    stage.failed() + stage.skipped() + stage.deadLettered(), rate,
                    stage.latency().format(stage.latency().p99())));
        }
        frame.append("  platform threads: ").append(threads.entrySet().stream()
                .map(entry -> entry.getKey().label() + " " + entry.getValue())
                .collect(Collectors.joining(", "))).append(System.lineSeparator());
        return frame.toString();
    }

    /** Live platform threads by kind (virtual threads are not enumerable and are left out). */
    static Map<ThreadKind, Integer> platformThreadsByKind() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 64];
        int count = root.enumerate(threads, true);
        Map<ThreadKind, Integer> byKind = new EnumMap<>(ThreadKind.class);
        for (int i = 0; i < count; i++) {
            byKind.merge(ThreadKind.of(threads[i]), 1, Integer::sum);
        }
        return byKind;
    }

    /** Stops refreshing and leaves the last frame on screen. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            redraw();
        }
    }
}
