package nl.jeugdspiegel.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeColumns;

/**
 * The lake after the merge rule: one row per (gemeente, client, soort, hulpvorm (or without one the product category),
 * startdatum), taken
 * from the latest periode in which it was delivered, in primitive arrays. Besides the merged rows it
 * keeps, per periode and gemeente, whether a delivery exists, when it arrived, and the cost totals of
 * the delivered jeugdhulp rows (kosten_per_jeugdige uses the delivered rows, not the merged ones).
 */
public final class LakeData {

    static final int NONE = LakeColumns.ABSENT;

    final List<Periode> periods;
    final List<String> gemeenten;
    final boolean[][] delivered;
    final Instant[][] deliveredAt;
    final long[][] jhRows;
    final long[][] jhRowsWithKosten;
    final long[][] kostenCent;
    /** Did the delivery in force for (p, g) come as iJw messages, with its waiting file (so who waits is known)? */
    final boolean[][] waitingKnown;
    /** Per periode: who waits at its last day, as {@link #entry}(client, gemeente, waiting longer than 9 weeks). */
    long[][] waiting;

    int[] waitingSize;

    /** Lake objects that could not be read as lake files, and why: left out of every figure. */
    final List<Skipped> skipped = new ArrayList<>();

    int size;
    int clientCount;
    int[] gemeente = new int[1024];
    int[] client = new int[1024];
    byte[] soort = new byte[1024];
    byte[] hulpvorm = new byte[1024];
    /** For jeugdhulp: 0 zonder, 1 met verblijf, 2 onbekend. */
    byte[] verblijf = new byte[1024];

    int[] start = new int[1024];
    int[] end = new int[1024];
    byte[] reden = new byte[1024];
    byte[] verwijzer = new byte[1024];
    int[] aanmeld = new int[1024];
    byte[] zonderHulpVerder = new byte[1024];
    byte[] tevredenheid = new byte[1024];
    short[] geboortejaar = new short[1024];
    byte[] leeftijd = new byte[1024];
    byte[] geslacht = new byte[1024];
    /** The provider of the row: an index into {@link #agbs}, or -1 when the row has no (valid) AGB code. */
    int[] agb = new int[1024];
    /** The AGB codes (8 digits) in the lake, by index. */
    final List<String> agbs = new ArrayList<>();

    private final java.util.Map<String, Integer> agbIndex = new java.util.HashMap<>();

    LakeData(List<Periode> periods, List<String> gemeenten) {
        this.periods = List.copyOf(periods);
        this.gemeenten = List.copyOf(gemeenten);
        int p = periods.size();
        int g = gemeenten.size();
        delivered = new boolean[p][g];
        deliveredAt = new Instant[p][g];
        jhRows = new long[p][g];
        jhRowsWithKosten = new long[p][g];
        kostenCent = new long[p][g];
        waitingKnown = new boolean[p][g];
        waiting = new long[p][16];
        waitingSize = new int[p];
    }

    void addWaiting(int p, int client, int g, boolean longer) {
        if (waitingSize[p] == waiting[p].length) {
            waiting[p] = Arrays.copyOf(waiting[p], waitingSize[p] * 2);
        }
        waiting[p][waitingSize[p]++] = entry(client, g, longer);
    }

    /** Bits of the slot (a gemeente, or a gemeente–provider cell) in an {@link #entry}. */
    static final int SLOT_BITS = 23;

    /**
     * A (client, slot, flag) entry that sorts by client: client &lt;&lt; 24 | slot &lt;&lt; 1 | flag. Clients are fewer
     * than 2^24 (the loader stops before), slots fewer than 2^23.
     */
    static long entry(int client, int slot, boolean flag) {
        return (long) client << (SLOT_BITS + 1) | (long) slot << 1 | (flag ? 1 : 0);
    }

    static long entryClient(long entry) {
        return entry >>> (SLOT_BITS + 1);
    }

    static int entrySlot(long entry) {
        return (int) (entry >>> 1) & ((1 << SLOT_BITS) - 1);
    }

    /** The index of an AGB code, interned; -1 for anything but 8 digits (the ingest accepts nothing else). */
    int agbIndex(String code) {
        if (code == null || code.length() != 8 || !code.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return -1;
        }
        return agbIndex.computeIfAbsent(code, c -> {
            agbs.add(c);
            return agbs.size() - 1;
        });
    }

    /** A lake object left out: its key (as far as the lake is concerned, its local file) and the reason. */
    public record Skipped(Periode periode, String gemeente, String reason) {}

    public List<Periode> periods() {
        return periods;
    }

    public List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    public int trajectories() {
        return size;
    }

    public int clients() {
        return clientCount;
    }

    /** The index of a periode in {@link #periods()}, or -1 when no delivery exists for it. */
    int periodIndex(Periode p) {
        return periods.indexOf(p);
    }

    /** Did gemeente g deliver for periode p? */
    public boolean delivered(Periode p, String gemeentecode) {
        int pi = periodIndex(p);
        int g = gemeenten.indexOf(gemeentecode);
        return pi >= 0 && g >= 0 && delivered[pi][g];
    }

    public Instant deliveredAt(Periode p, String gemeentecode) {
        int pi = periodIndex(p);
        int g = gemeenten.indexOf(gemeentecode);
        return pi >= 0 && g >= 0 ? deliveredAt[pi][g] : null;
    }

    int append() {
        if (size == gemeente.length) {
            int n = size * 2;
            gemeente = Arrays.copyOf(gemeente, n);
            client = Arrays.copyOf(client, n);
            soort = Arrays.copyOf(soort, n);
            hulpvorm = Arrays.copyOf(hulpvorm, n);
            verblijf = Arrays.copyOf(verblijf, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            reden = Arrays.copyOf(reden, n);
            verwijzer = Arrays.copyOf(verwijzer, n);
            aanmeld = Arrays.copyOf(aanmeld, n);
            zonderHulpVerder = Arrays.copyOf(zonderHulpVerder, n);
            tevredenheid = Arrays.copyOf(tevredenheid, n);
            geboortejaar = Arrays.copyOf(geboortejaar, n);
            leeftijd = Arrays.copyOf(leeftijd, n);
            geslacht = Arrays.copyOf(geslacht, n);
            agb = Arrays.copyOf(agb, n);
        }
        return size++;
    }
}
