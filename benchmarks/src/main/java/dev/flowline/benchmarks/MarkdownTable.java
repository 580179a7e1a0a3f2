package dev.flowline.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table built row by row; cells are plain text (pipes are escaped). */
final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell).replace("|", "\\|"));
        }
        rows.add(row);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        line(text, header);
        line(text, header.stream().map(column -> "---").toList());
        rows.forEach(row -> line(text, row));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells) {
        text.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
