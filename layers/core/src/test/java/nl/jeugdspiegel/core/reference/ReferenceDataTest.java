package nl.jeugdspiegel.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final ReferenceData reference = ReferenceData.get();

    @Test
    void has342MunicipalitiesIn42Regions() {
        assertEquals(342, reference.municipalities().size());
        assertEquals(42, reference.regions().size());
        assertEquals("Amsterdam", reference.municipality("GM0363").orElseThrow().naam());
        assertEquals(
                "JZ09",
                reference.municipality("GM1696").orElseThrow().jeugdregioCode(),
                "Wijdemeren is in Gooi-en Vechtstreek (see SOURCES.md)");
        int members =
                reference.regions().stream().mapToInt(r -> r.gemeenten().size()).sum();
        assertEquals(342, members);
    }

    @Test
    void codeListsKeepLeadingZeros() {
        CodeList hulpvorm = reference.codeList(ReferenceData.BIJ_HULPVORM);
        assertEquals(Set.of("01", "02", "03", "04", "11", "12", "13", "14"), hulpvorm.codes());
        assertTrue(reference.codeList(ReferenceData.BIJ_VERWIJZER).contains("08"));
        assertEquals(
                Set.of("11", "12", "21", "22", "23"),
                reference
                        .codeList(ReferenceData.BIJ_TYPE_MAATREGEL)
                        .codesWhere("categorie", "Kinderbeschermingsmaatregel"));
    }
}
