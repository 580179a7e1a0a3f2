package dev.flowline.benchmarks;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The CPU benchmark's unit of work: SHA-256 over a fixed 16 KiB buffer, chained {@code rounds} times. Pure
 * computation — no I/O, no locks, no allocation worth mentioning — so that only the threads running it matter.
 */
final class HashWork {
    private static final byte[] BUFFER = new byte[16 * 1024];

    static {
        for (int i = 0; i < BUFFER.length; i++) {
            BUFFER[i] = (byte) (i * 31 + 7);
        }
    }

    private HashWork() {}

    /** Hashes the buffer {@code rounds} times, each round salted with the previous digest and {@code seed}. */
    static long hash(long seed, int rounds) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        byte[] digest = longBytes(seed);
        for (int round = 0; round < rounds; round++) {
            sha.update(digest);
            sha.update(BUFFER);
            digest = sha.digest();
        }
        long result = 0;
        for (int i = 0; i < 8; i++) {
            result = result << 8 | (digest[i] & 0xff);
        }
        return result;
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }
}
