package nl.jeugdspiegel.core.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeSchema.Column;
import nl.jeugdspiegel.core.rules.Availability;
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
        long jhBeeindigdTevredenheid) {

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

    /** The profile of a local lake file whose rows are active in {@code periode}. */
    public static LakeProfile of(Path lakeFile, Periode periode) throws IOException {
        int first = periode.firstEpochDay();
        int last = periode.lastEpochDay();
        long[] n = new long[13];
        Set<String> clients = new HashSet<>();
        LakeReader.read(new LocalInputFile(lakeFile), COLUMNS, 4096, rows -> {
            for (int i = 0; i < rows.size(); i++) {
                n[0]++;
                clients.add(rows.pseudonym(i));
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
                n[6] += rows.codeText(Column.AANBIEDER_AGB, i) != null ? 1 : 0;
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
                n[0], clients.size(), n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12]);
    }

    /** The counts the availability rules look at; {@code waitingKnown}: the delivery came as iJw messages. */
    public Availability.Counts availabilityCounts(boolean waitingKnown) {
        return new Availability.Counts(
                jhRijen,
                jhMetKosten,
                jhGestart,
                jhGestartMetAanmelding,
                jhBeeindigd,
                jhBeeindigdVolgensPlan,
                jhBeeindigdZonderHulpVerder,
                jhBeeindigdTevredenheid,
                waitingKnown);
    }
}
