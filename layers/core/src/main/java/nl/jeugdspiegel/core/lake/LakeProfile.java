package nl.jeugdspiegel.core.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Optional;
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

    /** Version tag of {@link #toMetadataValue()}. */
    private static final String METADATA_FORMAT = "1:";

    /**
     * The profile as one ASCII value for the lake object's S3 metadata ({@link Provenance#PROFILE}): the next delivery
     * of the gemeente compares itself with it after one HEAD, without downloading and reading the file again.
     */
    public String toMetadataValue() {
        long[] values = {
            rijen,
            jeugdigen,
            beeindigd,
            jhRijen,
            jhMetVerblijf,
            jhMetKosten,
            jhMetAanbieder,
            jhGestart,
            jhGestartMetAanmelding,
            jhBeeindigd,
            jhBeeindigdVolgensPlan,
            jhBeeindigdZonderHulpVerder,
            jhBeeindigdTevredenheid,
            jhAanbieders,
            jhAanbiederOnbekend
        };
        StringBuilder out = new StringBuilder(METADATA_FORMAT);
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(values[i]);
        }
        return out.toString();
    }

    /** A profile from {@link #toMetadataValue()}; empty for none, another format or a damaged value. */
    public static Optional<LakeProfile> fromMetadataValue(String value) {
        if (value == null || !value.startsWith(METADATA_FORMAT)) {
            return Optional.empty();
        }
        String[] parts = value.substring(METADATA_FORMAT.length()).split(",", -1);
        if (parts.length != 15) {
            return Optional.empty();
        }
        long[] v = new long[15];
        try {
            for (int i = 0; i < 15; i++) {
                v[i] = Long.parseLong(parts[i]);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new LakeProfile(
                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]));
    }

    /**
     * The profile of a local lake file whose rows are active in {@code periode}, without a provider register. Reads the
     * file; ingest counts the rows as it writes them instead ({@link Counter}).
     */
    public static LakeProfile of(Path lakeFile, Periode periode) throws IOException {
        try (Counter counter =
                new Counter(periode, Set.of(), lakeFile.toAbsolutePath().getParent())) {
            LakeReader.read(new LocalInputFile(lakeFile), EnumSet.allOf(Column.class), 4096, rows -> {
                for (int i = 0; i < rows.size(); i++) {
                    counter.add(rows.trajectory(i));
                }
            });
            return counter.profile();
        }
    }

    /**
     * Counts a profile row by row, in the pass that writes the rows (ingest) or reads them ({@link #of}); the same
     * rules either way. Distinct youths are counted in memory that does not grow with the file (contract v1.3 §3),
     * spilled to {@code spillFolder}.
     */
    public static final class Counter implements AutoCloseable {
        private final int first;
        private final int last;
        private final Set<String> knownAgbs;
        private final DistinctLongs clients;
        private final BitSet agbs = new BitSet();
        private final long[] n = new long[13];
        private long unknownAgbs;

        public Counter(Periode periode, Set<String> knownAgbs, Path spillFolder) {
            this.first = periode.firstEpochDay();
            this.last = periode.lastEpochDay();
            this.knownAgbs = knownAgbs;
            this.clients = new DistinctLongs(spillFolder);
        }

        /** A row as it is written to the lake (or read back from it). */
        public void add(Trajectory t) {
            n[0]++;
            clients.add(Long.parseUnsignedLong(t.client(), 0, 16, 16));
            boolean ended = t.hasEinddatum() && t.einddatum() >= first && t.einddatum() <= last;
            if (ended) {
                n[2]++;
            }
            if (!Trajectory.JEUGDHULP.equals(t.soort())) {
                return;
            }
            n[3]++;
            n[4] += Boolean.TRUE.equals(t.verblijf()) ? 1 : 0;
            n[5] += t.hasKosten() ? 1 : 0;
            String agb = t.aanbiederAgb();
            if (agb != null) {
                n[6]++;
                int number = agbNumber(agb);
                if (number >= 0) {
                    agbs.set(number);
                }
                unknownAgbs += knownAgbs.isEmpty() || knownAgbs.contains(agb) ? 0 : 1;
            }
            if (t.startdatum() >= first) {
                n[7]++;
                n[8] += t.hasAanmelddatum() ? 1 : 0;
            }
            if (ended) {
                n[9]++;
                n[10] += "01".equals(t.redenBeeindiging()) ? 1 : 0;
                n[11] += t.zonderHulpVerder() != null ? 1 : 0;
                n[12] += t.hasTevredenheid() ? 1 : 0;
            }
        }

        /** The profile of the rows added so far. */
        public LakeProfile profile() {
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
                    knownAgbs.isEmpty() ? -1 : unknownAgbs);
        }

        @Override
        public void close() {
            clients.close();
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
