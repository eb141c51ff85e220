package nl.jeugdspiegel.indicators;

import java.util.Arrays;

/** A map from a 64-bit trajectory key to its row, on primitive arrays (open addressing). */
final class RowIndex {

    private long[] keys;
    private int[] rows;
    private int size;
    private int mask;

    RowIndex(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        rows = new int[capacity];
        Arrays.fill(rows, -1);
        mask = capacity - 1;
    }

    /** The row stored for the key, or -1. */
    int get(long key) {
        int slot = slot(key);
        while (rows[slot] >= 0) {
            if (keys[slot] == key) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    void put(long key, int row) {
        int slot = slot(key);
        while (rows[slot] >= 0) {
            if (keys[slot] == key) {
                rows[slot] = row;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        rows[slot] = row;
        if (++size * 2 > rows.length) {
            grow();
        }
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 33) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        allocate(oldRows.length * 2);
        for (int i = 0; i < oldRows.length; i++) {
            if (oldRows[i] >= 0) {
                int slot = slot(oldKeys[i]);
                while (rows[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }
}
