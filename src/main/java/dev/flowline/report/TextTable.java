package dev.flowline.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows of cells, printed with aligned columns: right-aligned (numbers) except the first column and any chosen
 * others. What Flowline's reports print with, for tools that print their own comparisons the same way.
 *
 * <pre>{@code
 * String text = new TextTable().row("mode", "pages/s").row("SERIAL", "15").row("VIRTUAL", "396").toString();
 * }</pre>
 */
public final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();
    private final Set<Integer> leftAligned = new HashSet<>(List.of(0));

    /** Left-aligns the given columns (text rather than numbers). */
    public TextTable alignLeft(int... columns) {
        for (int column : columns) {
            leftAligned.add(column);
        }
        return this;
    }

    /** Adds a row. */
    public TextTable row(List<String> cells) {
        rows.add(cells);
        return this;
    }

    /** Adds a row. */
    public TextTable row(String... cells) {
        return row(List.of(cells));
    }

    /** The table, a line per row. */
    @Override
    public String toString() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(leftAligned.contains(c) ? cell + pad : pad + cell).append(c + 1 < row.size() ? "  " : "");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
