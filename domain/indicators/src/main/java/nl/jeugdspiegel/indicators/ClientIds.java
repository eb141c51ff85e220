package nl.jeugdspiegel.indicators;

/**
 * Dense ids for pseudonyms: the first 96 bits of a client's HMAC map to 0, 1, 2, ... in order of first
 * appearance. Open addressing with each slot in two adjacent longs (64 key bits; 32 key bits and id + 1),
 * so a lookup touches one cache line: millions of clients in a few dozen megabytes. 96 bits of an HMAC
 * do not collide in practice (about 1 in 10^15 for ten million youths).
 */
final class ClientIds {

    private long[] slots;
    private int size;
    private int mask;

    ClientIds(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1);
    }

    private void allocate(int capacity) {
        slots = new long[capacity * 2];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The id of the client, assigning the next one when it is new. */
    int intern(long hi, long lo) {
        long low32 = lo >>> 32;
        int slot = slot(hi, low32);
        while (true) {
            long value = slots[2 * slot + 1];
            if (value == 0) {
                break;
            }
            if (slots[2 * slot] == hi && value >>> 32 == low32) {
                return (int) value - 1;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = hi;
        slots[2 * slot + 1] = low32 << 32 | (size + 1L);
        if (++size * 2 > mask + 1) {
            grow();
        }
        return size - 1;
    }

    private int slot(long hi, long low32) {
        long h = (hi ^ (low32 * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
        return (int) (h >>> 33) & mask;
    }

    private void grow() {
        long[] old = slots;
        allocate((mask + 1) * 2);
        for (int i = 0; i < old.length; i += 2) {
            long value = old[i + 1];
            if (value != 0) {
                int slot = slot(old[i], value >>> 32);
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = value;
            }
        }
    }
}
