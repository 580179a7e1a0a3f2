package dev.flowline.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One HTTP exchange of a fetch (no redirects followed): a complete response, or its first bytes when {@code truncated}
 * (see {@link BodyLimit}), or a typed failure.
 */
record Hop(FetchOutcome outcome, String detail, int status, Map<String, List<String>> headers, byte[] body, boolean truncated,
           long bytes) {

    private static final byte[] NO_BODY = new byte[0];

    /** A response whose body was read to its end, or to a truncating limit. */
    static Hop completed(int status, Map<String, List<String>> headers, BodyBuffer body) {
        return new Hop(FetchOutcome.OK, "", status, headers, body.decoded(headers), body.truncated(), body.size());
    }

    /** A failure before any response arrived. */
    static Hop failed(Throwable error) {
        return failed(error, 0, Map.of(), 0);
    }

    /** A failure after the headers arrived, keeping them and the count of body bytes read. */
    static Hop failed(Throwable error, int status, Map<String, List<String>> headers, long bytes) {
        return new Hop(Failures.classify(error), Failures.describe(error), status, headers, NO_BODY, false, bytes);
    }

    /** Copies headers into a map that ignores the case of names, whatever client they come from. */
    static Map<String, List<String>> headers(Consumer<BiConsumer<String, String>> source) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.accept((name, value) -> headers.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value));
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(headers);
    }

    /** The declared Content-Length, or -1. */
    static long contentLength(Map<String, List<String>> headers) {
        List<String> values = headers.get("Content-Length");
        if (values == null || values.isEmpty()) {
            return -1;
        }
        try {
            long length = Long.parseLong(values.get(0).trim());
            if (length < 0) {
                throw new NumberFormatException("negative");
            }
            return length;
        } catch (NumberFormatException e) {
            throw new FetchFailure(FetchOutcome.BAD_RESPONSE, "Content-Length '" + values.get(0) + "' is not a number");
        }
    }
}
