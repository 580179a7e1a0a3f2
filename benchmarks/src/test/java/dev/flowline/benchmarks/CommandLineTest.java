package dev.flowline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors exit 2 and name the bad value; nothing runs. */
class CommandLineTest {

    @Test
    void unknownVariantIsAUsageErrorNamingIt() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = BenchCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("fetch", "--variants", "netty,bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("'bogus'", "serial, threads, elastic, virtual, netty, flowline");
    }

    @Test
    void profilesAreExclusive() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = BenchCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("cpu", "--quick", "--full")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void noBenchmarkNamedIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = BenchCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute()).isEqualTo(2);
        assertThat(err.toString()).contains("fetch, cpu, overhead or crawl");
    }
}
