package nl.jeugdspiegel.ingest.validation;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.reference.CodeList;
import nl.jeugdspiegel.core.reference.ReferenceData;

/** Which codes are valid where (contract §2), taken from the shipped code lists. */
public final class CodeRules {

    public static final Set<String> SOORTEN = Set.of(Trajectory.JEUGDHULP, Trajectory.JEUGDBESCHERMING,
            Trajectory.JEUGDRECLASSERING);
    public static final Set<String> GESLACHT = Set.of("0", "1", "2");

    private final Map<String, Set<String>> hulpvormBySoort;
    private final Map<String, Set<String>> redenBySoort;
    private final Set<String> verwijzer;
    private final Set<String> zonderHulpVerder;
    private final Set<String> productcategorie;

    public CodeRules(ReferenceData reference) {
        CodeList maatregel = reference.codeList(ReferenceData.BIJ_TYPE_MAATREGEL);
        hulpvormBySoort = Map.of(
                Trajectory.JEUGDHULP, reference.codeList(ReferenceData.BIJ_HULPVORM).codes(),
                Trajectory.JEUGDBESCHERMING, maatregel.codesWhere("categorie", "Kinderbeschermingsmaatregel"),
                Trajectory.JEUGDRECLASSERING, maatregel.codesWhere("categorie", "Jeugdreclassering",
                        "Preventief justitieel kader"));
        // Measures: any code 01–31 of the maatregel list; 41–52 are separate DRP/zorg fields in BIJ.
        Set<String> measureReasons = new LinkedHashSet<>();
        for (String code : reference.codeList(ReferenceData.BIJ_REDEN_BEEINDIGING_MAATREGEL).codes()) {
            if (Integer.parseInt(code) <= 31) {
                measureReasons.add(code);
            }
        }
        redenBySoort = Map.of(
                Trajectory.JEUGDHULP, reference.codeList(ReferenceData.BIJ_REDEN_BEEINDIGING_JEUGDHULP).codes(),
                Trajectory.JEUGDBESCHERMING, Set.copyOf(measureReasons),
                Trajectory.JEUGDRECLASSERING, Set.copyOf(measureReasons));
        verwijzer = reference.codeList(ReferenceData.BIJ_VERWIJZER).codes();
        zonderHulpVerder = reference.codeList(ReferenceData.BIJ_ZONDER_HULP_VERDER).codes();
        productcategorie = reference.codeList(ReferenceData.IJW_PRODUCTCATEGORIE).codes();
    }

    public Set<String> hulpvorm(String soort) {
        return hulpvormBySoort.get(soort);
    }

    public Set<String> redenBeeindiging(String soort) {
        return redenBySoort.get(soort);
    }

    public Set<String> verwijzer() {
        return verwijzer;
    }

    public Set<String> zonderHulpVerder() {
        return zonderHulpVerder;
    }

    public Set<String> productcategorie() {
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
