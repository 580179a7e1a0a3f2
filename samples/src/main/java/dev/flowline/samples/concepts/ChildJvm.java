package dev.flowline.samples.concepts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM running {@link ChildWorker}, spoken to over its stdin/stdout pipes: the JVM's counterpart of a
 * CPython {@code multiprocessing} worker. It uses this JVM's own java binary and classpath; close it to stop it.
 * Not thread-safe: one caller at a time.
 */
final class ChildJvm implements AutoCloseable {
    /** Small on purpose: a worker that only computes needs little heap and one GC thread. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx64m");

    private final Process process;
    private final PrintStream requests;
    private final BufferedReader replies;

    private ChildJvm(Process process) {
        this.process = process;
        this.requests = new PrintStream(process.getOutputStream(), false, StandardCharsets.UTF_8);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts a child JVM and returns once it has said it is ready: the returned time includes JVM start-up. */
    static ChildJvm start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildWorker.class.getName()));
        ChildJvm child = new ChildJvm(ChildProcesses.start(new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)));
        try {
            child.expect("ready");
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    long pid() {
        return process.pid();
    }

    /** Sends one request line and waits for its one-line reply. */
    String call(String request) {
        requests.println(request);
        requests.flush();
        try {
            String reply = replies.readLine();
            if (reply == null) {
                throw new IOException("child JVM " + pid() + " ended without answering '" + request + "'");
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code iterations} of {@link CpuWork#spin} in the child. */
    long spin(long iterations) {
        return Long.parseLong(call("spin " + iterations));
    }

    private void expect(String line) throws IOException {
        String first = replies.readLine();
        if (!line.equals(first)) {
            throw new IOException("child JVM " + pid() + " said '" + first + "' instead of '" + line + "'");
        }
    }

    // The java that runs us, so that the child is the same JDK; java.home is the fallback when the OS hides it.
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @Override
    public void close() {
        requests.close();  // the worker exits when its stdin closes; stop() makes sure
        ChildProcesses.stop(process);
    }
}
