package dev.flowline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The parts every benchmark report shares: where and how it ran, and the targets it checked. */
final class ReportText {
    private ReportText() {}

    /** The Markdown title and the run's circumstances: command, start, machine, load before and after. */
    static StringBuilder preamble(String title, String command, String startedAt, Machine machine, String loadAfter) {
        return new StringBuilder("# ").append(title).append("\n\n")
                .append("- Command: `").append(command).append("`\n")
                .append("- Started: ").append(startedAt).append("\n")
                .append("- Machine: ").append(machine.describe()).append("\n")
                .append("- Load average (1, 5, 15 min) before: ").append(machine.loadAverage())
                .append("; after: ").append(loadAfter).append("\n");
    }

    static String targets(List<TargetCheck> checks) {
        MarkdownTable table = new MarkdownTable("target", "measured", "status", "note");
        checks.forEach(check -> table.row(check.target(), check.measured(), check.status(), check.note()));
        return table.toString();
    }

    /** One line per target on {@code out}: the command's result, after the progress lines on stderr. */
    static void printTargets(List<TargetCheck> checks, PrintStream out) {
        checks.forEach(check -> out.println(check.status().toUpperCase(Locale.ROOT) + ": " + check.target() + " -> "
                + check.measured()));
    }

    /** The command's result on {@code out}: a line per target, then the files written. */
    static void printOutcome(List<TargetCheck> checks, List<Path> written, PrintStream out) {
        printTargets(checks, out);
        out.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
    }
}
