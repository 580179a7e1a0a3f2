package dev.flowline.samples.crawler;

import dev.flowline.Mode;
import dev.flowline.samples.cli.DurationConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code flowline crawl} and {@code flowline check-links} share (a picocli mixin): seeds, scope,
 * limits, politeness, retries, mode and fetcher. {@link #toConfig} turns them into a {@link CrawlConfig}, and any
 * bad value into a usage error (exit code 2) that names it.
 */
public final class CrawlOptions {

    @Parameters(arity = "0..*", paramLabel = "URL", description = "Seed URLs (http or https).")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--seeds-file", paramLabel = "FILE", description = "A file of seed URLs, one a line ('#' starts a comment).")
    Path seedsFile;

    @Option(names = "--max-depth", defaultValue = "10", description = "Links followed from a seed at most (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--max-pages", defaultValue = "10000", description = "URLs attempted at most (default: ${DEFAULT-VALUE}).")
    long maxPages;

    @Option(names = "--allow", paramLabel = "REGEX", description = "Crawl only URLs matching one of these (repeatable); default: the seeds' hosts.")
    List<String> allow = new ArrayList<>();

    @Option(names = "--deny", paramLabel = "REGEX", description = "Never crawl URLs matching one of these (repeatable).")
    List<String> deny = new ArrayList<>();

    @Option(names = "--concurrency", defaultValue = "64", description = "Fetches in flight, all hosts together (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--per-host", defaultValue = "2", description = "Fetches in flight to one host (default: ${DEFAULT-VALUE}).")
    int perHost;

    @Option(names = "--host-delay", defaultValue = "250ms", converter = DurationConverter.class,
            description = "Least time between two requests to one host; robots.txt's Crawl-delay may ask for more (default: ${DEFAULT-VALUE}).")
    Duration hostDelay;

    @Option(names = "--ignore-robots", description = "Do not read or obey robots.txt.")
    boolean ignoreRobots;

    @Option(names = "--user-agent", description = "User-Agent; its first word is the name looked up in robots.txt.")
    String userAgent;

    @Option(names = "--retries", defaultValue = "2", description = "Retries after a 5xx, 429, timeout or reset (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--retry-backoff", defaultValue = "200ms", converter = DurationConverter.class,
            description = "Wait before the first retry, doubled each time; Retry-After wins on 429/503 (default: ${DEFAULT-VALUE}).")
    Duration retryBackoff;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "Connect timeout, and longest wait for a response (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--mode", defaultValue = "REACTIVE", description = "Execution mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--threads", defaultValue = "200", description = "THREADS mode's pool size (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--fetcher", defaultValue = "non-blocking", converter = FetcherConverter.class,
            description = "non-blocking (Reactor Netty, ASYNC_IO stage) or blocking (JDK HttpClient, BLOCKING_IO stage) (default: ${DEFAULT-VALUE}).")
    FetcherKind fetcher;

    @Option(names = "--frontier-capacity", defaultValue = "1000000", description = "URLs waiting at most; more are skipped and counted (default: ${DEFAULT-VALUE}).")
    int frontierCapacity;

    @Option(names = "--drain-timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "On Ctrl-C, how long fetches in flight may finish before they are cancelled (default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    /** The crawl these options describe, with {@code adjust} applied; a bad value is a usage error. */
    public CrawlConfig toConfig(CommandSpec spec, java.util.function.UnaryOperator<CrawlConfig.Builder> adjust) {
        try {
            CrawlConfig.Builder builder = CrawlConfig.builder(allSeeds(spec))
                    .maxDepth(maxDepth).maxPages(maxPages).allow(patterns(spec, "--allow", allow))
                    .deny(patterns(spec, "--deny", deny)).concurrency(concurrency).perHostConcurrency(perHost)
                    .hostDelay(hostDelay).obeyRobots(!ignoreRobots).retries(retries).retryBackoff(retryBackoff)
                    .timeout(timeout).mode(mode).threads(threads).fetcher(fetcher).frontierCapacity(frontierCapacity)
                    .drainTimeout(drainTimeout);
            if (userAgent != null) {
                builder.userAgent(userAgent);
            }
            return adjust.apply(builder).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value: " + e.getMessage());
        }
    }

    private List<String> allSeeds(CommandSpec spec) {
        List<String> all = new ArrayList<>(seeds);
        if (seedsFile != null) {
            try {
                for (String line : Files.readAllLines(seedsFile)) {
                    String seed = line.strip();
                    if (!seed.isEmpty() && !seed.startsWith("#")) {
                        all.add(seed);
                    }
                }
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Cannot read the seeds file '" + seedsFile + "': " + e);
            }
        }
        if (all.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing seed: give at least one URL, or --seeds-file");
        }
        return all;
    }

    private static List<Pattern> patterns(CommandSpec spec, String option, List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + option
                        + "': '" + regex + "' is not a regular expression (" + e.getDescription() + ")");
            }
        }
        return patterns;
    }

    /** Reads {@code blocking} or {@code non-blocking}. */
    static final class FetcherConverter implements CommandLine.ITypeConverter<FetcherKind> {
        @Override
        public FetcherKind convert(String value) {
            for (FetcherKind kind : FetcherKind.values()) {
                if (kind.label().equalsIgnoreCase(value) || kind.name().equalsIgnoreCase(value)) {
                    return kind;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a fetcher: use non-blocking or blocking");
        }
    }

    /** A writer on {@code file}, for the JSONL records; a file that cannot be written is a failure naming it. */
    public static java.io.Writer openRecords(Path file) {
        try {
            return Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the records to '" + file + "': " + e.getMessage(), e);
        }
    }
}
