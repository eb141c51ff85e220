package nl.jeugdspiegel.indicators;

import java.util.Arrays;

/**
 * Dense ids for pseudonyms: the first 128 bits of a client's HMAC (two longs) map to 0, 1, 2, ... in
 * order of first appearance. Open addressing on primitive arrays: millions of clients in a few dozen
 * megabytes. 128 bits of an HMAC do not collide in practice (about 1 in 10^26 for ten million youths).
 */
final class ClientIds {

    private long[] high;
    private long[] low;
    private int[] ids;
    private int size;
    private int mask;

    ClientIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        ids = new int[capacity];
        Arrays.fill(ids, -1);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The id of the client, assigning the next one when it is new. */
    int intern(long hi, long lo) {
        int slot = slot(hi, lo);
        while (ids[slot] >= 0) {
            if (high[slot] == hi && low[slot] == lo) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        high[slot] = hi;
        low[slot] = lo;
        ids[slot] = size;
        if (++size * 2 > ids.length) {
            grow();
        }
        return size - 1;
    }

    private int slot(long hi, long lo) {
        long h = (hi ^ (lo * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
        return (int) (h >>> 33) & mask;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldIds = ids;
        allocate(oldIds.length * 2);
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] >= 0) {
                int slot = slot(oldHigh[i], oldLow[i]);
                while (ids[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                ids[slot] = oldIds[i];
            }
        }
    }
}
