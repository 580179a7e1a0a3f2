package dev.flowline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers every connection with raw bytes no well-behaved server sends: a fixed response,
 * optionally trickled a few bytes at a time with a pause between writes (the pause is the fault being injected, not
 * a test's timing). One virtual thread per connection; it closes the connection after the response.
 */
public final class ScriptedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    /** Sends {@code response} at once. */
    public static ScriptedServer answering(String response) throws IOException {
        return new ScriptedServer(response, Integer.MAX_VALUE, Duration.ZERO);
    }

    /** Sends {@code response} {@code bytesPerWrite} bytes at a time, {@code pause} apart. */
    public static ScriptedServer trickling(String response, int bytesPerWrite, Duration pause) throws IOException {
        return new ScriptedServer(response, bytesPerWrite, pause);
    }

    private ScriptedServer(String response, int bytesPerWrite, Duration pause) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        Thread.ofPlatform().daemon().name("scripted-server").start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(client, bytes, bytesPerWrite, pause));
                } catch (IOException closed) {
                    return; // the test is over
                }
            }
        });
    }

    private static void serve(Socket client, byte[] bytes, int bytesPerWrite, Duration pause) {
        try (client) {
            readRequestHead(client.getInputStream());
            OutputStream out = client.getOutputStream();
            for (int offset = 0; offset < bytes.length; offset += bytesPerWrite) {
                out.write(bytes, offset, Math.min(bytesPerWrite, bytes.length - offset));
                out.flush();
                if (!pause.isZero()) {
                    Thread.sleep(pause);
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client gave up, or the test is over
        }
    }

    /** The server's address, as an http URL. */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }
}
