package nl.jeugdspiegel.ingest.validation;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.reference.CodeList;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * Which codes are valid where (docs/contract.md §2), taken from the shipped code lists. A lookup returns the
 * one canonical String of a valid code, so every row shares it (cheaper to write, nothing duplicated in
 * memory), or null for an invalid code.
 */
public final class CodeRules {

    /** A set of valid codes. */
    public static final class Codes {
        private final Map<String, String> canonical = new HashMap<>();

        Codes(Collection<String> codes) {
            codes.forEach(c -> canonical.put(c, c));
        }

        /** The canonical instance of a valid code, or null. */
        public String lookup(String code) {
            return canonical.get(code);
        }

        public Set<String> all() {
            return canonical.keySet();
        }
    }

    public static final Codes SOORTEN =
            new Codes(Set.of(Trajectory.JEUGDHULP, Trajectory.JEUGDBESCHERMING, Trajectory.JEUGDRECLASSERING));
    public static final Codes GESLACHT = new Codes(Set.of("0", "1", "2"));

    private final Map<String, Codes> hulpvormBySoort;
    private final Map<String, Codes> redenBySoort;
    private final Codes verwijzer;
    private final Codes zonderHulpVerder;
    private final Codes productcategorie;

    public CodeRules(ReferenceData reference) {
        CodeList maatregel = reference.codeList(ReferenceData.BIJ_TYPE_MAATREGEL);
        hulpvormBySoort = Map.of(
                Trajectory.JEUGDHULP,
                        new Codes(reference.codeList(ReferenceData.BIJ_HULPVORM).codes()),
                Trajectory.JEUGDBESCHERMING,
                        new Codes(maatregel.codesWhere("categorie", "Kinderbeschermingsmaatregel")),
                Trajectory.JEUGDRECLASSERING,
                        new Codes(
                                maatregel.codesWhere("categorie", "Jeugdreclassering", "Preventief justitieel kader")));
        // Measures: any code 01–31 of the maatregel list; 41–52 are separate DRP/zorg fields in BIJ.
        Set<String> measureReasons = new LinkedHashSet<>();
        for (String code : reference
                .codeList(ReferenceData.BIJ_REDEN_BEEINDIGING_MAATREGEL)
                .codes()) {
            if (Integer.parseInt(code) <= 31) {
                measureReasons.add(code);
            }
        }
        redenBySoort = Map.of(
                Trajectory.JEUGDHULP,
                        new Codes(reference
                                .codeList(ReferenceData.BIJ_REDEN_BEEINDIGING_JEUGDHULP)
                                .codes()),
                Trajectory.JEUGDBESCHERMING, new Codes(measureReasons),
                Trajectory.JEUGDRECLASSERING, new Codes(measureReasons));
        verwijzer = new Codes(reference.codeList(ReferenceData.BIJ_VERWIJZER).codes());
        zonderHulpVerder = new Codes(
                reference.codeList(ReferenceData.BIJ_ZONDER_HULP_VERDER).codes());
        productcategorie =
                new Codes(reference.codeList(ReferenceData.IJW_PRODUCTCATEGORIE).codes());
    }

    public Codes hulpvorm(String soort) {
        return hulpvormBySoort.get(soort);
    }

    public Codes redenBeeindiging(String soort) {
        return redenBySoort.get(soort);
    }

    public Codes verwijzer() {
        return verwijzer;
    }

    public Codes zonderHulpVerder() {
        return zonderHulpVerder;
    }

    public Codes productcategorie() {
        return productcategorie;
    }

    /**
     * A code as the lists write it: trimmed, and a single digit gets its leading zero back (spreadsheets
     * turn {@code 01} into {@code 1}).
     */
    public static String normaliseCode(String raw) {
        String code = raw.strip();
        if (code.length() == 1 && code.charAt(0) >= '0' && code.charAt(0) <= '9') {
            return "0" + code;
        }
        return code;
    }
}
