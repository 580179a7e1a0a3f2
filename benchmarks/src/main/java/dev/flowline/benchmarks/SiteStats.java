package dev.flowline.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the local site how many requests it is serving now ({@code GET /_flowline/stats}), over a plain socket of
 * its own, opened and closed for each question: neither the variant's HTTP client nor its connection pool is
 * touched, and nothing is left behind in the asking JVM but garbage.
 */
final class SiteStats {
    private static final Pattern IN_FLIGHT = Pattern.compile("\"inFlight\"\\s*:\\s*(\\d+)");

    private SiteStats() {}

    /** The requests the site at {@code baseUrl} has received and not yet answered (stats requests excepted). */
    static int inFlight(String baseUrl) {
        URI site = URI.create(baseUrl);
        try (Socket socket = new Socket(site.getHost(), site.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /_flowline/stats HTTP/1.1\r\nHost: " + site.getHost() + ":" + site.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher inFlight = IN_FLIGHT.matcher(response);
            if (!response.startsWith("HTTP/1.1 200") || !inFlight.find()) {
                throw new IllegalStateException("the site at " + baseUrl + " answered its stats with: "
                        + response.lines().findFirst().orElse("nothing"));
            }
            return Integer.parseInt(inFlight.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask the site at " + baseUrl + " for its stats: " + e.getMessage(), e);
        }
    }
}
