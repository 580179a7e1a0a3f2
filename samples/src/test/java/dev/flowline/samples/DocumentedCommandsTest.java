package dev.flowline.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.samples.cli.CommandLines;
import dev.flowline.samples.cli.FlowlineCommand;
import dev.flowline.site.LocalSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Keeps README.md and docs/ from rotting: every {@code ./flowline ...} line in their code blocks runs here,
 * in-process, through the real command, with its sizes made small (documented values replaced, others added) and any
 * {@code http://127.0.0.1:PORT/} pointed at a local site started for the test. Servers ({@code flowline site}) are
 * only parsed, since they run until stopped. {@code concept} commands have their own test, and {@code bench}
 * commands live in the benchmarks module.
 */
class DocumentedCommandsTest {
    private static final List<Path> DOCUMENTS = List.of(Path.of("..", "README.md"), Path.of("..", "docs", "guide.md"),
            Path.of("..", "docs", "observability.md"), Path.of("..", "docs", "crawler.md"),
            Path.of("..", "docs", "site.md"));

    /** Sizes that keep each command's code paths but take a fraction of the time. */
    private static final Map<String, List<String>> SMALL = Map.of(
            "example", List.of("--elements", "8", "--latency", "2ms", "--store-time", "1ms", "--hash-rounds", "10"),
            "demo", List.of("--site-pages", "60", "--pages", "20", "--serial-pages", "5", "--latency", "5ms"),
            "crawl", List.of("--max-pages", "15", "--host-delay", "0"),
            "check-links", List.of("--max-pages", "15", "--host-delay", "0"));

    private static LocalSite site;

    @TempDir
    static Path directory;

    @BeforeAll
    static void startSite() {
        site = LocalSite.builder().pages(40).links(4).seed(7).start();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandWorksAsWritten() throws IOException {
        List<String> commands = documentedCommands();
        assertThat(commands).as("commands found in the docs").isNotEmpty();
        return commands.stream().map(command -> DynamicTest.dynamicTest(command, () -> check(command)));
    }

    private static void check(String command) {
        List<String> arguments = arguments(command);
        String name = arguments.get(0);
        if (name.equals("site") && !arguments.contains("--help")) {
            CommandLine.ParseResult parsed = new CommandLine(new FlowlineCommand()).parseArgs(
                    arguments.toArray(String[]::new));
            assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("site");
            return;
        }
        List<String> runnable = withSmallSizes(arguments, SMALL.getOrDefault(name, List.of()));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int exitCode;
        try {
            System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
            exitCode = CommandLines.execute(new FlowlineCommand(), runnable.toArray(String[]::new));
        } finally {
            System.setOut(originalOut);
        }
        assertThat(exitCode).as("exit code of %s%n%s", runnable, output.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** {@code arguments} with each option of {@code small} set to its small value: replaced where given, else added. */
    private static List<String> withSmallSizes(List<String> arguments, List<String> small) {
        List<String> result = new ArrayList<>(arguments);
        for (int i = 0; i < small.size(); i += 2) {
            int given = result.indexOf(small.get(i));
            if (given >= 0) {
                result.set(given + 1, small.get(i + 1));
            } else {
                result.add(small.get(i));
                result.add(small.get(i + 1));
            }
        }
        return result;
    }

    /** The words of a documented command after {@code ./flowline}, with the site URL and output paths made local. */
    private static List<String> arguments(String command) {
        List<String> words = new ArrayList<>();
        for (String word : command.substring("./flowline ".length()).trim().split("\\s+")) {
            if (word.matches("https?://127\\.0\\.0\\.1:\\d+/.*")) {
                word = site.baseUrl() + word.replaceFirst("https?://127\\.0\\.0\\.1:\\d+/", "");
            } else if (word.endsWith(".jsonl") || word.endsWith(".json") && !word.startsWith("-")) {
                word = directory.resolve(Path.of(word).getFileName()).toString();
            }
            words.add(word);
        }
        return words;
    }

    static List<String> documentedCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        for (Path document : DOCUMENTS) {
            boolean inCode = false;
            for (String line : Files.readAllLines(document)) {
                if (line.startsWith("```")) {
                    inCode = !inCode;
                } else if (inCode && line.startsWith("./flowline ")) {
                    String command = line.replaceFirst("\\s+#.*$", "").trim();
                    String first = command.split("\\s+")[1];
                    if (!Arrays.asList("concept", "bench").contains(first)) {
                        commands.add(command);
                    }
                }
            }
        }
        return commands;
    }
}
