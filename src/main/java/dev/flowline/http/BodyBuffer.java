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
 * body nor a decompression bomb can make a fetch hold more than the limit in memory.
 */
final class BodyBuffer {

    private final long limit;
    private byte[] bytes;
    private int size;

    BodyBuffer(long limit, long declaredLength) {
        this.limit = limit;
        this.bytes = new byte[(int) Math.min(limit, declaredLength >= 0 ? declaredLength : 8 * 1024)];
    }

    /**
     * Checks a declared Content-Length before any byte is read.
     *
     * @throws FetchFailure {@link FetchOutcome#BODY_TOO_LARGE} when it is over the limit
     */
    static long checkDeclared(Map<String, List<String>> headers, long limit) {
        long declared = Hop.contentLength(headers);
        if (declared > limit) {
            throw tooLarge("its Content-Length " + declared, limit);
        }
        return declared;
    }

    /**
     * Appends a chunk as read off the wire.
     *
     * @throws FetchFailure {@link FetchOutcome#BODY_TOO_LARGE} when the body goes over the limit
     */
    void add(ByteBuffer chunk) {
        int length = chunk.remaining();
        if (size + (long) length > limit) {
            size += length;
            throw tooLarge("more than " + limit + " bytes sent", limit);
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(size + (long) length, bytes.length * 2L)));
        }
        chunk.get(bytes, size, length);
        size += length;
    }

    /** The bytes read off the wire so far. */
    long size() {
        return size;
    }

    /**
     * The body decoded as its Content-Encoding says.
     *
     * @throws FetchFailure {@link FetchOutcome#BODY_TOO_LARGE} when it decodes to more than the limit, or
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
        byte[] out = new byte[(int) Math.min(limit + 1, Math.max(1024, size * 4L))];
        int length = 0;
        try (InputStream in = decoder.open()) {
            int read;
            while ((read = in.read(out, length, out.length - length)) >= 0) {
                length += read;
                if (length > limit) {
                    throw tooLarge("it decodes (" + encoding + ") to more than " + limit + " bytes", limit);
                }
                if (length == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(limit + 1, out.length * 2L));
                }
            }
        } catch (ZipException | EOFException e) {
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
