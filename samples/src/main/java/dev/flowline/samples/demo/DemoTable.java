package dev.flowline.samples.demo;

import dev.flowline.Durations;
import dev.flowline.Mode;
import dev.flowline.report.TextTable;
import dev.flowline.samples.crawler.FetcherKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The demo's side-by-side table (a column per crawl) and the sentence that reads it. */
public final class DemoTable {

    private DemoTable() {}

    /** The table, then the sentence. */
    public static String render(List<DemoRun> runs, Demo.Settings settings) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("", runs, run -> run.mode().name()));
        rows.add(row("fetcher", runs, run -> run.fetcher().label()));
        rows.add(row("fetch runs on", runs, run -> run.fetch().placement()));
        rows.add(row("pages", runs, run -> String.valueOf(run.summary().records())));
        rows.add(row("elapsed", runs, run -> Durations.format(run.report().elapsed())));
        rows.add(row("pages/s", runs, run -> String.format(Locale.ROOT, "%.0f", run.pagesPerSecond())));
        rows.add(row("fetch p50 / p99", runs, run -> Durations.format(run.fetch().latency().p50()) + " / "
                + Durations.format(run.fetch().latency().p99())));
        rows.add(row("peak OS threads", runs, run -> String.valueOf(run.report().peakThreads())));
        rows.add(row("peak heap", runs, run -> String.format(Locale.ROOT, "%.0f MB", run.report().peakHeapBytes() / 1048576.0)));
        rows.add(row("CPU time", runs, run -> Durations.format(run.report().cpuTime())));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Crawled a local site (%d pages, %d links each, %s before every answer), %d pages per crawl "
                        + "(SERIAL: %d, one at a time), %d fetches in flight.%n%n",
                settings.sitePages(), settings.links(), Durations.format(settings.latency()), settings.maxPages(),
                settings.serialPages(), settings.concurrency()));
        text.append(format(rows)).append('\n').append(sentence(runs, settings)).append('\n');
        return text.toString();
    }

    /** What the numbers show, in one sentence built from them. */
    static String sentence(List<DemoRun> runs, Demo.Settings settings) {
        Optional<DemoRun> serial = find(runs, Mode.SERIAL, FetcherKind.BLOCKING);
        Optional<DemoRun> elastic = find(runs, Mode.REACTIVE, FetcherKind.BLOCKING);
        Optional<DemoRun> threads = find(runs, Mode.THREADS, FetcherKind.BLOCKING);
        Optional<DemoRun> virtual = find(runs, Mode.VIRTUAL, FetcherKind.BLOCKING);
        Optional<DemoRun> nonBlocking = find(runs, Mode.REACTIVE, FetcherKind.NON_BLOCKING);
        if (serial.isEmpty() || elastic.isEmpty() || threads.isEmpty() || virtual.isEmpty() || nonBlocking.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT,
                "Each fetch waits %s, so pages/s is the number of fetches waiting at once divided by the wait: "
                        + "SERIAL waits for one (%.0f/s), the blocking fetcher on REACTIVE's boundedElastic is capped "
                        + "at its thread limit (%.0f/s), THREADS keeps %d waiting on %d OS threads (%.0f/s), and "
                        + "VIRTUAL (%.0f/s) and the non-blocking fetcher (%.0f/s) do the same on %d and %d OS threads.",
                Durations.format(settings.latency()), serial.get().pagesPerSecond(), elastic.get().pagesPerSecond(),
                settings.concurrency(), threads.get().report().peakThreads(), threads.get().pagesPerSecond(),
                virtual.get().pagesPerSecond(), nonBlocking.get().pagesPerSecond(), virtual.get().report().peakThreads(),
                nonBlocking.get().report().peakThreads());
    }

    private static Optional<DemoRun> find(List<DemoRun> runs, Mode mode, FetcherKind fetcher) {
        return runs.stream().filter(run -> run.mode() == mode && run.fetcher() == fetcher).findFirst();
    }

    private static List<String> row(String label, List<DemoRun> runs, Function<DemoRun, String> cell) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        runs.forEach(run -> cells.add(cell.apply(run)));
        return cells;
    }

    private static String format(List<List<String>> rows) {
        TextTable table = new TextTable();
        rows.forEach(table::row);
        return table.toString();
    }
}
