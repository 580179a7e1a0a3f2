package dev.flowline.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback server that answers every connection with the same raw bytes, to test responses no real server sends. */
final class RawServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    RawServer(String response) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        Thread.ofPlatform().daemon().name("raw-server").start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    connections.incrementAndGet();
                    readRequestHead(client.getInputStream());
                    OutputStream out = client.getOutputStream();
                    out.write(bytes);
                    out.flush();
                } catch (IOException closed) {
                    // the test is over, or the client gave up
                }
            }
        });
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    int connections() {
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
