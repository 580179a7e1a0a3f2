package dev.flowline.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from this one, on the same java binary (a JDK >= 21; the {@code java} on the PATH may be older)
 * and the same class path. Its stdin is written and its stdout read line by line; its stderr goes to a log file.
 * Closing it destroys it, forcibly if it does not stop within a few seconds.
 */
final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final BufferedReader stdout;
    private final BufferedWriter stdin;
    private final Path log;
    private final Thread destroyAtExit = new Thread(this::destroy);

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code mainClass} with {@code jvmOptions} and {@code args}; its stderr goes to {@code log}. */
    static ChildJvm start(String name, List<String> jvmOptions, Class<?> mainClass, List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            ChildJvm child = new ChildJvm(name, process, log);
            Runtime.getRuntime().addShutdownHook(child.destroyAtExit);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " JVM: " + e.getMessage(), e);
        }
    }

    /** The java binary running this JVM: forks must run the same JDK, never whatever {@code java} the PATH finds. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java binary runs this JVM"));
    }

    /** The child's process id, to read its CPU time from {@code /proc}. */
    long pid() {
        return process.pid();
    }

    /** The next line the child prints, or {@code null} once it has closed its stdout (usually: it exited). */
    String readLine() {
        try {
            return stdout.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read from the " + name + " JVM: " + e.getMessage(), e);
        }
    }

    /** Sends the child a line on its standard input. */
    void writeLine(String line) {
        try {
            stdin.write(line);
            stdin.newLine();
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the " + name + " JVM (" + e.getMessage() + "): " + logTail(), e);
        }
    }

    /** Waits for the child to exit and returns its exit status. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** The last lines of the child's stderr, to explain a failure. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(destroyAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it destroys the child too.
        }
    }

    private void destroy() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
