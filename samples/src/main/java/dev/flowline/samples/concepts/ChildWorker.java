package dev.flowline.samples.concepts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a child JVM that does CPU work for its parent over stdin/stdout, one request per line:
 * {@code spin <iterations>} answers the work's result, {@code ping} answers {@code pong}. It says {@code ready} once
 * started and exits when its stdin closes, so it cannot outlive a parent that dies.
 */
public final class ChildWorker {

    private ChildWorker() {}

    /** Serves requests from stdin until it closes. */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("ready");
        out.flush();
        for (String request = in.readLine(); request != null; request = in.readLine()) {
            out.println(request.startsWith("spin ") ? String.valueOf(CpuWork.spin(Long.parseLong(request.substring(5))))
                    : "pong");
            out.flush();
        }
    }
}
