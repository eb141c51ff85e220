package nl.jeugdspiegel.indicators;

import java.time.Instant;

/** The rows of one lake file, decoded into primitive arrays: only the columns the indicators use. */
final class FileRows {

    static final int NONE = Integer.MIN_VALUE;

    final int capacity;
    int size;
    /** When S3 received the delivery (from the file's footer), or null when the footer does not say. */
    Instant deliveredAt;
    final long[] clientHigh;
    final long[] clientLow;
    final short[] geboortejaar;
    final byte[] leeftijd;
    final byte[] geslacht;
    final byte[] soort;
    final byte[] hulpvorm;
    final int[] start;
    final int[] end;
    final byte[] reden;
    final byte[] verwijzer;
    final int[] aanmeld;
    final byte[] zonderHulpVerder;
    final byte[] tevredenheid;
    final long[] kosten;

    FileRows(int capacity) {
        this.capacity = capacity;
        clientHigh = new long[capacity];
        clientLow = new long[capacity];
        geboortejaar = new short[capacity];
        leeftijd = new byte[capacity];
        geslacht = new byte[capacity];
        soort = new byte[capacity];
        hulpvorm = new byte[capacity];
        start = new int[capacity];
        end = new int[capacity];
        reden = new byte[capacity];
        verwijzer = new byte[capacity];
        aanmeld = new int[capacity];
        zonderHulpVerder = new byte[capacity];
        tevredenheid = new byte[capacity];
        kosten = new long[capacity];
    }

    /** Resets the optional fields of the next row before its columns are decoded. */
    void beginRow() {
        int i = size;
        end[i] = NONE;
        aanmeld[i] = NONE;
        reden[i] = 0;
        verwijzer[i] = 0;
        zonderHulpVerder[i] = 0;
        tevredenheid[i] = 0;
        kosten[i] = Long.MIN_VALUE;
    }
}
