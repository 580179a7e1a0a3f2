package dev.flowline.samples.crawler;

/**
 * A 64-bit hash of a URL's characters (MurmurHash3's 64-bit mixing, four chars a round), so that the seen set can
 * store 8 bytes a URL instead of the URL. Two distinct URLs collide with probability about 2^-64; among {@code n}
 * URLs, the chance that any new URL is wrongly taken as seen is about {@code n^2 / 2^65}: 3e-8 for a million URLs,
 * 3% for a billion.
 */
final class UrlHash {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private UrlHash() {}

    static long of(String url) {
        long h = 0x9E3779B97F4A7C15L ^ url.length();
        int i = 0;
        for (; i + 4 <= url.length(); i += 4) {
            long k = url.charAt(i) | (long) url.charAt(i + 1) << 16 | (long) url.charAt(i + 2) << 32
                    | (long) url.charAt(i + 3) << 48;
            h ^= mixK(k);
            h = Long.rotateLeft(h, 27) * 5 + 0x52dce729;
        }
        long tail = 0;
        for (int shift = 0; i < url.length(); i++, shift += 16) {
            tail |= (long) url.charAt(i) << shift;
        }
        h ^= mixK(tail);
        return fmix(h ^ url.length());
    }

    private static long mixK(long k) {
        k *= C1;
        k = Long.rotateLeft(k, 31);
        return k * C2;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }
}
