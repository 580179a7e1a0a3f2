package dev.flowline.http;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Collects a response body up to a limit, then decodes gzip or deflate up to the same limit, so neither a huge
 * body nor a decompression bomb can make a fetch hold more than the limit in memory. Past the limit the fetch fails,
 * or, with a truncating {@link BodyLimit}, keeps the first bytes: those read off the wire, then those decoded.
 */
final class BodyBuffer {

    private final BodyLimit limit;
    private byte[] bytes;
    private int size;
    private boolean cutOnTheWire;
    private boolean truncated;

    private BodyBuffer(BodyLimit limit, long declaredLength) {
        this.limit = limit;
        this.bytes = new byte[(int) Math.min(limit.maxBytes(), declaredLength >= 0 ? declaredLength : 8 * 1024)];
    }

    /**
     * A buffer for the body of a response with these headers, checking its declared Content-Length before any byte
     * is read.
     *
     * @throws FetchFailure {@link FetchOutcome#BODY_TOO_LARGE} when the declared length is over a failing limit, or
     *                      {@link FetchOutcome#BAD_RESPONSE} when it is not a number
     */
    static BodyBuffer forResponse(Map<String, List<String>> headers, BodyLimit limit) {
        long declared = Hop.contentLength(headers);
        if (declared > limit.maxBytes() && !limit.truncate()) {
            throw tooLarge("its Content-Length " + declared, limit.maxBytes());
        }
        return new BodyBuffer(limit, declared);
    }

    /**
     * Appends a chunk as read off the wire.
     *
     * @return whether to read on: false once a truncating limit is reached (the chunk's first bytes are kept), and
     *         the rest of the body must then be left unread and its connection closed
     * @throws FetchFailure {@link FetchOutcome#BODY_TOO_LARGE} when the body goes over a failing limit
     */
    boolean add(ByteBuffer chunk) {
        long max = limit.maxBytes();
        int length = chunk.remaining();
        if (size + (long) length > max) {
            if (!limit.truncate()) {
                size += length;
                throw tooLarge("more than " + max + " bytes sent", max);
            }
            length = (int) (max - size);
            cutOnTheWire = true;
            truncated = true;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(size + (long) length, bytes.length * 2L)));
        }
        chunk.get(bytes, size, length);
        size += length;
        return !cutOnTheWire;
    }

    /** Whether the body was cut at a truncating limit as it was read, its rest left unread on the connection. */
    boolean cutOnTheWire() {
        return cutOnTheWire;
    }

    /** Whether the body was cut at a truncating limit, on the wire or once decoded. */
    boolean truncated() {
        return truncated;
    }

    /** The bytes read off the wire so far. */
    long size() {
        return size;
    }

    /**
     * The body decoded as its Content-Encoding says.
     *
     * With a truncating limit, a body that decodes to more is cut to the limit, and a body cut on the wire decodes
     * as far as its bytes go.
     *
     * @throws FetchFailure {@link FetchOutcome#BODY_TOO_LARGE} when it decodes to more than a failing limit, or
     *                      {@link FetchOutcome#BAD_RESPONSE} when the encoding is unknown or the data corrupt
     */
    byte[] decoded(Map<String, List<String>> headers) {
        List<String> encodings = headers.getOrDefault("Content-Encoding", List.of());
        String encoding = encodings.isEmpty() ? "identity" : encodings.get(0).trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> Arrays.copyOf(bytes, size);
            case "gzip", "x-gzip" -> inflate(encoding, () -> new GZIPInputStream(raw()));
            case "deflate" -> inflateDeflate();
            default -> throw new FetchFailure(FetchOutcome.BAD_RESPONSE, "unsupported Content-Encoding '" + encoding + "'");
        };
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: accept both. */
    private byte[] inflateDeflate() {
        try {
            return inflate("deflate", () -> new InflaterInputStream(raw()));
        } catch (FetchFailure zlibFailed) {
            if (zlibFailed.outcome() != FetchOutcome.BAD_RESPONSE) {
                throw zlibFailed;
            }
            return inflate("deflate", () -> new InflaterInputStream(raw(), new Inflater(true)));
        }
    }

    private interface Decoder {
        InputStream open() throws IOException;
    }

    private byte[] inflate(String encoding, Decoder decoder) {
        long max = limit.maxBytes();
        byte[] out = new byte[(int) Math.min(max + 1, Math.max(1024, size * 4L))];
        int length = 0;
        try (InputStream in = decoder.open()) {
            int read;
            while ((read = in.read(out, length, out.length - length)) >= 0) {
                length += read;
                if (length > max) {
                    if (!limit.truncate()) {
                        throw tooLarge("it decodes (" + encoding + ") to more than " + max + " bytes", max);
                    }
                    truncated = true;
                    return Arrays.copyOf(out, (int) max);
                }
                if (length == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(max + 1, out.length * 2L));
                }
            }
        } catch (EOFException e) {
            if (!cutOnTheWire) {
                throw new FetchFailure(FetchOutcome.BAD_RESPONSE, "corrupt " + encoding + " body: " + e.getMessage());
            }
            // The stream ends early because the body was cut on the wire: keep what its bytes decoded to.
        } catch (ZipException e) {
            throw new FetchFailure(FetchOutcome.BAD_RESPONSE, "corrupt " + encoding + " body: " + e.getMessage());
        } catch (IOException e) {
            throw new FetchFailure(FetchOutcome.BAD_RESPONSE, "cannot decode " + encoding + " body: " + e.getMessage());
        }
        return Arrays.copyOf(out, length);
    }

    private InputStream raw() {
        return new ByteArrayInputStream(bytes, 0, size);
    }

    private static FetchFailure tooLarge(String what, long limit) {
        return new FetchFailure(FetchOutcome.BODY_TOO_LARGE, "body too large: " + what + ", the limit is " + limit + " bytes");
    }
}
