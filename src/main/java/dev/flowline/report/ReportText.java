package dev.flowline.report;

import dev.flowline.Durations;
import dev.flowline.scheduling.ThreadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders run reports as text tables for people. */
final class ReportText {

    private ReportText() {}

    static String table(RunReport run) {
        StringBuilder text = new StringBuilder(headline(run)).append('\n');
        TextTable table = new TextTable().alignLeft(1, 2, 17).row("stage", "kind", "placement", "conc", "in", "out", "filtered", "failed",
                "skipped", "dead", "cancelled", "retried", "timeouts", "peak", "p50", "p99", "max", "threads");
        for (StageReport stage : run.stages()) {
            table.row(stage.name(), stage.kind(), stage.placement(), String.valueOf(stage.concurrency()),
                    count(stage.in()), count(stage.out()), count(stage.filtered()), count(stage.failed()),
                    count(stage.skipped()), count(stage.deadLettered()), count(stage.cancelled()),
                    count(stage.retried()), count(stage.timedOut()), count(stage.peakInFlight()),
                    stage.latency().format(stage.latency().p50()), stage.latency().format(stage.latency().p99()),
                    stage.latency().format(stage.latency().max()), threads(stage.threads()));
        }
        text.append(table);
        if (run.stages().stream().anyMatch(stage -> stage.latency().sampled())) {
            text.append("~ latency estimated from a random sample of the stage's quick elements, not all timed\n");
        }
        run.stages().stream().filter(stage -> !stage.errors().isEmpty()).forEach(stage -> stage.errors()
                .forEach(error -> text.append("  ").append(stage.name()).append(": ").append(error).append('\n')));
        run.stages().stream().filter(stage -> stage.pinned() > 0).forEach(stage -> text.append("pinned: stage '")
                .append(stage.name()).append("' blocked ").append(stage.pinned()).append(" times while pinned to a "
                        + "carrier thread, ").append(Durations.format(stage.pinnedTime())).append(" in all\n"));
        run.advice().forEach(advice -> text.append("advice: ").append(advice).append('\n'));
        return text.toString();
    }

    static String headline(RunReport run) {
        return String.format(Locale.ROOT,
                "pipeline '%s', mode %s: %s in %s, %s in, %s out (%.1f/s), peak %d OS threads, peak heap %s, CPU %s%s",
                run.pipeline(), run.mode(), run.state(), Durations.format(run.elapsed()), count(run.sourceElements()),
                count(run.outputs()), run.throughput(), run.peakThreads(), bytes(run.peakHeapBytes()),
                Durations.format(run.cpuTime()), run.failure().map(failure -> "\n  failure: " + failure).orElse(""));
    }

    static String sideBySide(List<RunReport> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        TextTable table = new TextTable();
        table.row(row("", runs, RunReport::mode));
        table.row(row("state", runs, RunReport::state));
        table.row(row("elapsed", runs, run -> Durations.format(run.elapsed())));
        table.row(row("outputs", runs, run -> count(run.outputs())));
        table.row(row("outputs/s", runs, run -> String.format(Locale.ROOT, "%.1f", run.throughput())));
        table.row(row("peak OS threads", runs, run -> String.valueOf(run.peakThreads())));
        table.row(row("peak heap", runs, run -> bytes(run.peakHeapBytes())));
        table.row(row("CPU time", runs, run -> Durations.format(run.cpuTime())));
        List<StageReport> first = runs.get(0).stages();
        for (int s = 0; s < first.size(); s++) {
            int index = s;
            String name = first.get(s).name();
            table.row(row(name + " placement", runs, run -> stage(run, index).placement()));
            table.row(row(name + " p50 / p99", runs, run -> {
                Latency latency = stage(run, index).latency();
                return latency.format(latency.p50()) + " / " + latency.format(latency.p99());
            }));
            table.row(row(name + " threads", runs, run -> threads(stage(run, index).threads())));
        }
        return table.toString();
    }

    private static StageReport stage(RunReport run, int index) {
        return run.stages().get(index);
    }

    private static List<String> row(String label, List<RunReport> runs, Function<RunReport, String> cell) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        runs.forEach(run -> cells.add(cell.apply(run)));
        return cells;
    }

    static String threads(Map<ThreadKind, Long> threads) {
        return threads.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey().label() + " " + count(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String count(long value) {
        return String.valueOf(value);
    }

    static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
