package nl.jeugdspiegel.indicators;

import java.time.Instant;
import java.util.Arrays;

/** The rows of one lake file, decoded into primitive arrays: only the columns the indicators use. */
final class FileRows {

    static final int NONE = Integer.MIN_VALUE;

    int capacity;
    int size;
    /** When S3 received the delivery (from the file's footer), or null when the footer does not say. */
    Instant deliveredAt;
    /** Why the file could not be read as a lake file, or null. */
    String unreadable;
    long[] clientHigh;
    long[] clientLow;
    short[] geboortejaar;
    byte[] leeftijd;
    byte[] geslacht;
    byte[] soort;
    byte[] hulpvorm;
    int[] start;
    int[] end;
    byte[] reden;
    byte[] verwijzer;
    int[] aanmeld;
    byte[] zonderHulpVerder;
    byte[] tevredenheid;
    long[] kosten;

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

    /** Makes room for the next row and resets its optional fields before its columns are decoded. */
    void beginRow() {
        if (size == capacity) {
            grow();
        }
        int i = size;
        end[i] = NONE;
        aanmeld[i] = NONE;
        reden[i] = 0;
        verwijzer[i] = 0;
        zonderHulpVerder[i] = 0;
        tevredenheid[i] = 0;
        kosten[i] = Long.MIN_VALUE;
    }

    private void grow() {
        int n = capacity * 2;
        clientHigh = Arrays.copyOf(clientHigh, n);
        clientLow = Arrays.copyOf(clientLow, n);
        geboortejaar = Arrays.copyOf(geboortejaar, n);
        leeftijd = Arrays.copyOf(leeftijd, n);
        geslacht = Arrays.copyOf(geslacht, n);
        soort = Arrays.copyOf(soort, n);
        hulpvorm = Arrays.copyOf(hulpvorm, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        reden = Arrays.copyOf(reden, n);
        verwijzer = Arrays.copyOf(verwijzer, n);
        aanmeld = Arrays.copyOf(aanmeld, n);
        zonderHulpVerder = Arrays.copyOf(zonderHulpVerder, n);
        tevredenheid = Arrays.copyOf(tevredenheid, n);
        kosten = Arrays.copyOf(kosten, n);
        capacity = n;
    }
}
