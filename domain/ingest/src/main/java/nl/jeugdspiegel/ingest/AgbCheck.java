package nl.jeugdspiegel.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.jeugdspiegel.contract.ProviderUnits;
import nl.jeugdspiegel.core.lake.LakeColumns;
import nl.jeugdspiegel.core.lake.LakeReader;
import nl.jeugdspiegel.core.lake.LakeSchema.Column;
import nl.jeugdspiegel.core.lake.Trajectory;
import org.apache.parquet.io.LocalInputFile;

/**
 * Does a delivery's AGB column look like provider codes (indicators v1.3, "providers at their real number")? A
 * municipality buys jeugdhulp from tens to hundreds of providers, so a column with more distinct codes than half of its
 * jeugdhulp rows (a client or file number in the wrong column), or whose codes the provider register mostly does not
 * know, is implausible. The receipt then warns; the delivery is accepted as it is and nothing is changed: the indicators
 * pool every AGB with fewer than {@value ProviderUnits#MIN_YOUTHS} youths ({@link ProviderUnits}).
 *
 * <p>Memory is flat in the file size: distinct codes are bits of one {@link BitSet} over the 8-digit values (at most
 * 12.5 MB, whatever the file holds), and the lake file is read in batches.
 *
 * @param jhRijen      jeugdhulp rows
 * @param metAgb       of those, with an AGB code
 * @param agbs         distinct AGB codes among them
 * @param onbekend     rows whose AGB the register does not know; -1 without a register
 */
public record AgbCheck(long jhRijen, long metAgb, long agbs, long onbekend) {

    /** From how many jeugdhulp rows with an AGB the checks speak (a handful of rows says nothing). */
    static final int MIN_ROWS = 20;

    /** Reads the AGB column of a local lake file; {@code register} empty when there is none. */
    static AgbCheck of(Path lakeFile, Set<String> register) throws IOException {
        BitSet seen = new BitSet();
        long[] n = new long[3];
        LakeReader.read(new LocalInputFile(lakeFile), EnumSet.of(Column.SOORT, Column.AANBIEDER_AGB), 4096, rows -> {
            count(rows, register, seen, n);
        });
        return new AgbCheck(n[0], n[1], seen.cardinality(), register.isEmpty() ? -1 : n[2]);
    }

    private static void count(LakeColumns rows, Set<String> register, BitSet seen, long[] n) {
        for (int i = 0; i < rows.size(); i++) {
            if (!Trajectory.JEUGDHULP.equals(rows.codeText(Column.SOORT, i))) {
                continue;
            }
            n[0]++;
            String agb = rows.codeText(Column.AANBIEDER_AGB, i);
            if (agb == null) {
                continue;
            }
            n[1]++;
            if (agb.length() == 8 && agb.chars().allMatch(c -> c >= '0' && c <= '9')) {
                seen.set(Integer.parseInt(agb));
            }
            if (!register.isEmpty() && !register.contains(agb)) {
                n[2]++;
            }
        }
    }

    /** The receipt's warnings, in plain Dutch; none when the column looks like provider codes. */
    List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (metAgb < MIN_ROWS) {
            return out;
        }
        if (agbs * 2 > jhRijen) {
            out.add(String.format(
                    Locale.ROOT,
                    "De kolom aanbieder_agb lijkt geen AGB-codes van aanbieders te bevatten: %d verschillende codes bij "
                            + "%d regels jeugdhulp (meer dan de helft). Staat er een cliëntnummer of dossiernummer in? "
                            + "De levering is geaccepteerd; aanbieders met minder dan %d jeugdigen tellen mee als "
                            + "'Kleine aanbieders'. Lever de AGB-code van de aanbieder (8 cijfers) bij de volgende "
                            + "levering.",
                    agbs,
                    jhRijen,
                    ProviderUnits.MIN_YOUTHS));
        }
        if (onbekend >= 0 && onbekend * 2 > metAgb) {
            out.add(String.format(
                    Locale.ROOT,
                    "%d van de %d regels jeugdhulp met een AGB-code noemen een aanbieder die het aanbiedersregister "
                            + "niet kent (meer dan de helft). Controleer of de kolom aanbieder_agb de AGB-code van de "
                            + "aanbieder bevat. De levering is geaccepteerd.",
                    onbekend,
                    metAgb));
        }
        return out;
    }
}
