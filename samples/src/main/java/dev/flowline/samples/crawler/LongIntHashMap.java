package dev.flowline.samples.crawler;

import java.util.Arrays;

/**
 * A map from {@code long} keys to {@code int} values in two primitive arrays, open addressing with linear probing:
 * 12 bytes a slot and no object per entry, where a {@code HashMap<Long, Integer>} costs about 60 bytes an entry.
 * Keys are expected to be well mixed already (they are 64-bit hashes). Not thread-safe; no removal.
 */
final class LongIntHashMap {
    /** Marks an empty slot; the key 0 itself is stored on the side. */
    private static final long EMPTY = 0L;
    static final int ABSENT = Integer.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;
    private boolean hasZero;
    private int zeroValue;

    LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    /** The value of {@code key}, or {@link #ABSENT}. */
    int get(long key) {
        if (key == EMPTY) {
            return hasZero ? zeroValue : ABSENT;
        }
        int mask = keys.length - 1;
        for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
            if (keys[slot] == EMPTY) {
                return ABSENT;
            }
        }
    }

    /** Sets {@code key} to {@code value}; returns the previous value or {@link #ABSENT}. */
    int put(long key, int value) {
        if (key == EMPTY) {
            int previous = hasZero ? zeroValue : ABSENT;
            hasZero = true;
            zeroValue = value;
            return previous;
        }
        int mask = keys.length - 1;
        for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                int previous = values[slot];
                values[slot] = value;
                return previous;
            }
            if (keys[slot] == EMPTY) {
                keys[slot] = key;
                values[slot] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return ABSENT;
            }
        }
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
        hasZero = false;
    }

    /** Bytes held by the arrays, for memory reports. */
    long bytes() {
        return keys.length * (long) (Long.BYTES + Integer.BYTES);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = (int) oldKeys[i] & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
