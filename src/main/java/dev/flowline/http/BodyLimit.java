package dev.flowline.http;

/**
 * How much of a body one fetch reads, and what happens past it: a failure ({@link FetchOutcome#BODY_TOO_LARGE}),
 * or, when {@code truncate}, the first {@code maxBytes} bytes kept and the response marked truncated.
 *
 * @param maxBytes the most body bytes kept, as sent and once decoded
 * @param truncate whether a longer body is cut to {@code maxBytes} rather than failed
 */
record BodyLimit(long maxBytes, boolean truncate) {

    /** The largest limit: what one byte array can hold. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    BodyLimit {
        checked(maxBytes);
    }

    /**
     * {@code bytes}, when it is a limit a body buffer can hold.
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    static long checked(long bytes) {
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("max body bytes must be between 1 and " + MAX_BYTES + ", was " + bytes);
        }
        return bytes;
    }
}
