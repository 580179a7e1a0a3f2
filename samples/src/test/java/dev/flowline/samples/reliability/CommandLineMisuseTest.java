package dev.flowline.samples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowline.samples.cli.CommandLines;
import dev.flowline.samples.cli.FlowlineCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unknown options and bad values, for every command that touches the network, through the real entry point
 * ({@link CommandLines#execute}): exit code 2, the bad value or option named (with the usage, or picocli's "did you mean"),
 * never a stack trace. Adds to CrawlCommandTest the commands and inputs it does not try (site, unsupported schemes, negative
 * concurrency, negative durations, user-info, over-long URLs).
 */
class CommandLineMisuseTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(originalErr);
    }

    @ParameterizedTest(name = "{0} -> names {1}")
    @CsvSource(delimiter = '|', value = {
            "crawl http://127.0.0.1:1/ --no-such-option | --no-such-option",
            "check-links http://127.0.0.1:1/ --bogus | --bogus",
            "demo --frobnicate | --frobnicate",
            "site --port 0 --nope | --nope",
            "--no-such-global | --no-such-global",
            "no-such-command | no-such-command",
            "crawl http://127.0.0.1:1/ --concurrency -5 | -5",
            "crawl http://127.0.0.1:1/ --timeout -5s | -5s",
            "crawl http://127.0.0.1:1/ --drain-timeout 5parsecs | 5parsecs",
            "crawl file:///etc/passwd | file:///etc/passwd",
            "crawl javascript:alert(1) | javascript:alert(1)",
            "crawl data:text/html,hi | data:text/html,hi",
            "crawl ftp://127.0.0.1/ | ftp://127.0.0.1/",
            "crawl http://[::1 | http://[::1",
            "site --port 70000 | 70000",
            "site --fault-rate 2 | 2",
            "site --rate-faults no-such-fault | no-such-fault",
            "site --latency sometimes | sometimes"})
    void usageErrorsExitTwoNamingTheValueWithoutAStackTrace(String line, String named) {
        int exit = CommandLines.execute(new FlowlineCommand(), line.split(" "));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(2);
        assertThat(printed).contains(named).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @org.junit.jupiter.api.Test
    void anOverLongSeedIsAUsageError() {
        String seed = "http://127.0.0.1:1/" + "a".repeat(10_000);
        int exit = CommandLines.execute(new FlowlineCommand(), "crawl", seed);

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(printed).contains("longer than").doesNotContain("\tat ");
    }
}
