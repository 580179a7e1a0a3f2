package dev.flowline.samples.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.samples.cli.CommandLines;
import dev.flowline.samples.cli.FlowlineCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Keeps docs/concepts.md from rotting: every {@code ./flowline concept ...} command it shows runs here, in-process,
 * through the real {@code flowline} command, with its documented options (made small so the suite stays quick),
 * exits 0 and prints the table the docs describe. Timings are never asserted.
 */
class ConceptCommandTest {
    private static final Path DOCS = Path.of("..", "docs", "concepts.md");
    private static final Pattern COMMAND = Pattern.compile("^\\./flowline concept (\\S+)(.*)$", Pattern.MULTILINE);

    /** Small values for the documented options: the same code paths, in a fraction of the time. */
    private static final Map<String, List<String>> SMALL = Map.of(
            "serial-parallel", List.of("--tasks", "4", "--wait", "5ms", "--work", "2ms"),
            "units", List.of("--count", "200", "--processes", "3", "--jvms", "1", "--switches", "200"),
            "sync-async", List.of("--calls", "20", "--latency", "5ms", "--threads", "4"),
            "io-cpu", List.of("--elements", "24", "--wait", "5ms", "--work", "1ms"),
            "gil", List.of("--workers", "2", "--tasks", "4", "--work", "5ms", "--pings", "20"),
            "primitives", List.of("--workers", "4", "--items", "500", "--limit", "2"),
            "factory", List.of("--orders", "8", "--workers", "2", "--delivery", "2ms", "--assembly", "1ms",
                    "--drying", "5ms"));

    /** What each concept's output must show, whatever the numbers. */
    private static final Map<String, List<String>> SHAPE = Map.of(
            "serial-parallel", List.of("serial: one at a time", "concurrent: interleaved on one thread",
                    "parallel: one thread per core", "waiting tasks (ms)", "computing tasks (ms)"),
            "units", List.of("OS process (`sleep`)", "OS process (child JVM)", "platform thread", "virtual thread",
                    "reactive continuation", "create (us/unit)", "memory (KB/unit)", "switch (us)"),
            "sync-async", List.of("synchronous, one thread", "synchronous, a virtual thread per call",
                    "asynchronous, Publisher", "asynchronous, callback", "threads that waited"),
            "io-cpu", List.of("right: store blocking, hash cpu", "wrong: store declared cpu",
                    "wrong: hash declared blocking", "boundedElastic", "parallel", "hash p50 (ms)"),
            "gil", List.of("1 thread", "2 threads, one JVM", "2 child JVMs over pipes", "start-up (ms)",
                    "pipe round trip (us)"),
            "primitives", List.of("lock", "semaphore", "condition", "queue", "pipe", "pool", "count 2000 of 2000",
                    "sum correct"),
            "factory", List.of("SERIAL", "THREADS", "REACTIVE", "VIRTUAL", "paint-and-dry placement", "shipped"));

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRunsAndPrintsItsTable() throws IOException {
        return documentedCommands().stream().map(command -> DynamicTest.dynamicTest(command, () -> {
            Result result = run(small(command));
            String concept = arguments(command).get(0);
            assertThat(result.exitCode()).as(result.output()).isZero();
            if (SHAPE.containsKey(concept)) {
                assertThat(result.output()).contains(SHAPE.get(concept)).contains("cores, Java");
            } else {  // ./flowline concept --help lists the concepts
                assertThat(result.output()).contains(SHAPE.keySet());
            }
            assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                    .as("child processes left behind by " + command).isEmpty();
        }));
    }

    @Test
    void documentedCommandsParseAsWritten() throws IOException {
        for (String command : documentedCommands()) {
            List<String> args = new ArrayList<>(List.of("concept"));
            args.addAll(arguments(command));
            new CommandLine(new FlowlineCommand()).parseArgs(args.toArray(String[]::new));
        }
    }

    @Test
    void everyConceptIsDocumentedAndHasSmallSettings() throws IOException {
        List<String> documented = documentedCommands().stream().map(command -> arguments(command).get(0)).toList();
        assertThat(new CommandLine(new ConceptCommand()).getSubcommands().keySet())
                .containsExactlyInAnyOrderElementsOf(SHAPE.keySet())
                .containsExactlyInAnyOrderElementsOf(SMALL.keySet())
                .allMatch(documented::contains, "documented in docs/concepts.md");
    }

    @Test
    void aBadValueIsAUsageErrorThatNamesIt() {
        Result count = run(List.of("units", "--count", "0"));
        assertThat(count.exitCode()).isEqualTo(2);
        assertThat(count.output()).contains("--count").contains("'0'");

        Result duration = run(List.of("io-cpu", "--wait", "soon"));
        assertThat(duration.exitCode()).isEqualTo(2);
        assertThat(duration.output()).contains("--wait").contains("soon");
    }

    @Test
    void aConceptMustBeChosen() {
        Result result = run(List.of());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("serial-parallel", "factory");
    }

    private record Result(int exitCode, String output) {}

    /** Runs {@code flowline concept <args>} the way the launcher does, capturing what it prints. */
    private static Result run(List<String> args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            List<String> full = new ArrayList<>(List.of("concept"));
            full.addAll(args);
            int exitCode = CommandLines.execute(new FlowlineCommand(), full.toArray(String[]::new));
            return new Result(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static List<String> documentedCommands() throws IOException {
        Matcher matcher = COMMAND.matcher(Files.readString(DOCS));
        List<String> commands = new ArrayList<>();
        while (matcher.find()) {
            commands.add(matcher.group().strip());
        }
        assertThat(commands).as("commands in " + DOCS).isNotEmpty();
        return commands;
    }

    /** The words after {@code ./flowline concept}. */
    private static List<String> arguments(String command) {
        return Arrays.asList(command.substring("./flowline concept ".length()).trim().split("\\s+"));
    }

    /** The documented command with each of its options set to the small value, keeping any it does not mention. */
    private static List<String> small(String command) {
        List<String> args = arguments(command);
        String concept = args.get(0);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.size(); i += 2) {
            options.put(args.get(i), args.get(i + 1));
        }
        List<String> small = SMALL.getOrDefault(concept, List.of());
        for (int i = 0; i + 1 < small.size(); i += 2) {
            options.put(small.get(i), small.get(i + 1));
        }
        List<String> result = new ArrayList<>(List.of(concept));
        options.forEach((option, value) -> result.addAll(List.of(option, value)));
        return result;
    }
}
