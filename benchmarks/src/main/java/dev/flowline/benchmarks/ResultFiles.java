package dev.flowline.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The data files of a benchmark run: its CSV (a header, then a row a point) and its JSON (everything, indented). */
final class ResultFiles {
    private ResultFiles() {}

    /** Creates {@code directory} if need be and writes both files into it. */
    static void write(Path directory, String csvName, String header, List<String> rows, String jsonName, Object results)
            throws IOException {
        Files.createDirectories(directory);
        List<String> csv = new ArrayList<>();
        csv.add(header);
        csv.addAll(rows);
        Files.write(directory.resolve(csvName), csv);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve(jsonName).toFile(), results);
    }
}
