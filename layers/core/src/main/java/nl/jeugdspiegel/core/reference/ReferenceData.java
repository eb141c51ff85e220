package nl.jeugdspiegel.core.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference data shipped with the code: the 342 municipalities of 2026 with their jeugdregio,
 * and the BIJ v7 / iJw 3.2 code lists. Sources and changes are listed in {@code reference/SOURCES.md}.
 */
public final class ReferenceData {

    public static final String BIJ_HULPVORM = "bij_hulpvorm";
    public static final String BIJ_TYPE_MAATREGEL = "bij_type_maatregel";
    public static final String BIJ_VERWIJZER = "bij_verwijzer";
    public static final String BIJ_REDEN_BEEINDIGING_JEUGDHULP = "bij_reden_beeindiging_jeugdhulp";
    public static final String BIJ_REDEN_BEEINDIGING_MAATREGEL = "bij_reden_beeindiging_maatregel";
    public static final String BIJ_ZONDER_HULP_VERDER = "bij_zonder_hulp_verder";
    public static final String IJW_PRODUCTCATEGORIE = "ijw_jz020_productcategorie";
    public static final String IJW_VERWIJZER = "ijw_cod327_verwijzer";
    public static final String IJW_REDEN_BEEINDIGING = "ijw_jz588_reden_beeindiging";

    private static final List<String> CODE_LISTS = List.of(
            BIJ_HULPVORM,
            BIJ_TYPE_MAATREGEL,
            BIJ_VERWIJZER,
            BIJ_REDEN_BEEINDIGING_JEUGDHULP,
            BIJ_REDEN_BEEINDIGING_MAATREGEL,
            BIJ_ZONDER_HULP_VERDER,
            IJW_PRODUCTCATEGORIE,
            IJW_VERWIJZER,
            IJW_REDEN_BEEINDIGING,
            "jeugdregio");

    private static final class Holder {
        private static final ReferenceData INSTANCE = load();
    }

    private final Map<String, Municipality> municipalities;
    private final Map<String, Jeugdregio> regions;
    private final Map<String, CodeList> codeLists;

    private ReferenceData(Map<String, Municipality> municipalities, Map<String, CodeList> codeLists) {
        this.municipalities = municipalities;
        this.codeLists = codeLists;
        Map<String, List<Municipality>> members = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Municipality m : municipalities.values()) {
            members.computeIfAbsent(m.jeugdregioCode(), k -> new ArrayList<>()).add(m);
            names.put(m.jeugdregioCode(), m.jeugdregioNaam());
        }
        Map<String, Jeugdregio> byCode = new LinkedHashMap<>();
        members.forEach((code, list) -> {
            list.sort(Comparator.comparing(Municipality::code));
            byCode.put(code, new Jeugdregio(code, names.get(code), List.copyOf(list)));
        });
        this.regions = Collections.unmodifiableMap(byCode);
    }

    /** The shipped reference data, loaded once per JVM. */
    public static ReferenceData get() {
        return Holder.INSTANCE;
    }

    private static ReferenceData load() {
        Map<String, Municipality> municipalities = new TreeMap<>();
        for (Map<String, String> row : ReferenceCsv.read("/reference/municipalities.csv")) {
            Municipality m = new Municipality(
                    row.get("gemeentecode"),
                    row.get("naam"),
                    row.get("provincie"),
                    row.get("jeugdregio_code"),
                    row.get("jeugdregio_naam"));
            municipalities.put(m.code(), m);
        }
        Map<String, CodeList> lists = new LinkedHashMap<>();
        for (String name : CODE_LISTS) {
            lists.put(name, new CodeList(name, ReferenceCsv.read("/reference/codes/" + name + ".csv")));
        }
        return new ReferenceData(Collections.unmodifiableMap(municipalities), Collections.unmodifiableMap(lists));
    }

    /** Is this the code of a municipality of the list? */
    public boolean isMunicipality(String gemeentecode) {
        return municipality(gemeentecode).isPresent();
    }

    public Optional<Municipality> municipality(String gemeentecode) {
        return Optional.ofNullable(municipalities.get(gemeentecode));
    }

    /** All municipalities, sorted by code. */
    public Collection<Municipality> municipalities() {
        return municipalities.values();
    }

    /** All jeugdregio's, sorted by code. */
    public Collection<Jeugdregio> regions() {
        return regions.values();
    }

    public Optional<Jeugdregio> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public CodeList codeList(String name) {
        CodeList list = codeLists.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no code list " + name);
        }
        return list;
    }
}
