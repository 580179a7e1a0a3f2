package dev.flowline.samples.concepts;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A titled table with aligned columns, printed with one sentence that says what its numbers show: every concept
 * prints exactly one, so that their outputs read alike and the docs can quote them.
 */
final class Table {
    private final String title;
    private final List<List<String>> rows = new ArrayList<>();
    // Read before anything runs: other work on the machine distorts timings, and the reader should know of it.
    private final String machine = machine();

    Table(String title, String... header) {
        this.title = title;
        rows.add(List.of(header));
    }

    Table row(Object... cells) {
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    /** Prints the title, the table, then {@code finding}: the one sentence a reader should take away. */
    void print(PrintWriter out, String finding) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        });
        out.println(title);
        out.println();
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                out.println(line(Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths));
            }
        }
        out.println();
        out.println(finding);
        out.println(machine);
        out.flush();
    }

    /** This machine as a footnote: cores, JVM, and the load average, which tells whether others were running. */
    static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "(%d cores, Java %s, load average %s when the run started)",
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature(),
                load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load));
    }

    // The first column names the row, so it reads left-aligned; the numbers line up on the right.
    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? cell + pad : pad + cell).append("  ");
        }
        return line.toString().stripTrailing();
    }
}
