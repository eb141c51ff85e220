package nl.jeugdspiegel.core.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;
import nl.jeugdspiegel.core.DistinctLongs;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeSchema.Column;
import org.apache.parquet.io.LocalInputFile;

/**
 * What one lake file (one delivery of a gemeente for a periode) holds, in counts: the rows and distinct youths, how
 * often the optional columns are filled, and the jeugdhulp counts the {@link Availability} rules look at. Made for the
 * receipt, of the new delivery and of the previous one, by the same code. Holds no value of any row.
 *
 * @param rijen                   rows (trajectories)
 * @param jeugdigen               distinct pseudonyms
 * @param beeindigd               rows ended in the periode
 * @param jhRijen                 jeugdhulp rows
 * @param jhMetVerblijf           of those, with verblijf (true)
 * @param jhMetKosten             of those, with kosten (0 counts)
 * @param jhMetAanbieder          of those, with an AGB code
 * @param jhGestart               jeugdhulp rows started in the periode
 * @param jhGestartMetAanmelding  of those, with an aanmelddatum
 * @param jhBeeindigd             jeugdhulp rows ended in the periode
 * @param jhBeeindigdVolgensPlan  of those, with reden 01
 * @param jhBeeindigdZonderHulpVerder of those, with zonder_hulp_verder
 * @param jhBeeindigdTevredenheid of those, with a tevredenheid score
 * @param jhAanbieders            distinct AGB codes among the jeugdhulp rows (counted in a bit set over the 8-digit
 *                                values: at most 12.5 MB, whatever the file holds)
 * @param jhAanbiederOnbekend     jeugdhulp rows whose AGB code the provider register does not know; -1 without one
 */
public record LakeProfile(
        long rijen,
        long jeugdigen,
        long beeindigd,
        long jhRijen,
        long jhMetVerblijf,
        long jhMetKosten,
        long jhMetAanbieder,
        long jhGestart,
        long jhGestartMetAanmelding,
        long jhBeeindigd,
        long jhBeeindigdVolgensPlan,
        long jhBeeindigdZonderHulpVerder,
        long jhBeeindigdTevredenheid,
        long jhAanbieders,
        long jhAanbiederOnbekend) {

    private static final Set<Column> COLUMNS = EnumSet.of(
            Column.CLIENT,
            Column.SOORT,
            Column.STARTDATUM,
            Column.EINDDATUM,
            Column.REDEN_BEEINDIGING,
            Column.AANMELDDATUM,
            Column.ZONDER_HULP_VERDER,
            Column.TEVREDENHEID,
            Column.KOSTEN,
            Column.AANBIEDER_AGB,
            Column.VERBLIJF);

    /** The profile of a local lake file whose rows are active in {@code periode}, without a provider register. */
    public static LakeProfile of(Path lakeFile, Periode periode) throws IOException {
        return of(lakeFile, periode, Set.of());
    }

    /**
     * The profile of a local lake file whose rows are active in {@code periode}; {@code knownAgbs} the AGB codes of the
     * provider register, empty when there is none.
     */
    public static LakeProfile of(Path lakeFile, Periode periode, Set<String> knownAgbs) throws IOException {
        int first = periode.firstEpochDay();
        int last = periode.lastEpochDay();
        long[] n = new long[13];
        long[] unknownAgbs = new long[1];
        BitSet agbs = new BitSet();
        // distinct youths in memory that does not grow with the file (contract v1.3 §3), spilled beside the lake file
        try (DistinctLongs clients = new DistinctLongs(lakeFile.toAbsolutePath().getParent())) {
            LakeReader.read(new LocalInputFile(lakeFile), COLUMNS, 4096, rows -> {
                for (int i = 0; i < rows.size(); i++) {
                    n[0]++;
                    clients.add(rows.pseudonymWord(0, i));
                    int start = rows.value(Column.STARTDATUM, i);
                    int end = rows.value(Column.EINDDATUM, i);
                    boolean ended = end != LakeColumns.ABSENT && end >= first && end <= last;
                    if (ended) {
                        n[2]++;
                    }
                    if (!Trajectory.JEUGDHULP.equals(rows.codeText(Column.SOORT, i))) {
                        continue;
                    }
                    n[3]++;
                    n[4] += Boolean.TRUE.equals(rows.verblijf(i)) ? 1 : 0;
                    n[5] += rows.amount(Column.KOSTEN, i) != LakeColumns.NO_AMOUNT ? 1 : 0;
                    String agb = rows.codeText(Column.AANBIEDER_AGB, i);
                    if (agb != null) {
                        n[6]++;
                        int number = agbNumber(agb);
                        if (number >= 0) {
                            agbs.set(number);
                        }
                        unknownAgbs[0] += knownAgbs.isEmpty() || knownAgbs.contains(agb) ? 0 : 1;
                    }
                    if (start >= first) {
                        n[7]++;
                        n[8] += rows.value(Column.AANMELDDATUM, i) != LakeColumns.ABSENT ? 1 : 0;
                    }
                    if (ended) {
                        n[9]++;
                        n[10] += "01".equals(rows.codeText(Column.REDEN_BEEINDIGING, i)) ? 1 : 0;
                        n[11] += rows.codeText(Column.ZONDER_HULP_VERDER, i) != null ? 1 : 0;
                        int score = rows.value(Column.TEVREDENHEID, i);
                        n[12] += score != LakeColumns.ABSENT && score != Trajectory.NO_SCORE ? 1 : 0;
                    }
                }
            });
            return new LakeProfile(
                    n[0],
                    clients.count(),
                    n[2],
                    n[3],
                    n[4],
                    n[5],
                    n[6],
                    n[7],
                    n[8],
                    n[9],
                    n[10],
                    n[11],
                    n[12],
                    agbs.cardinality(),
                    knownAgbs.isEmpty() ? -1 : unknownAgbs[0]);
        }
    }

    /** An 8-digit AGB code (all the ingest accepts) as a bit index; -1 for anything else in a foreign file. */
    private static int agbNumber(String agb) {
        if (agb.length() != 8) {
            return -1;
        }
        int number = 0;
        for (int i = 0; i < 8; i++) {
            int digit = agb.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            number = number * 10 + digit;
        }
        return number;
    }
}
