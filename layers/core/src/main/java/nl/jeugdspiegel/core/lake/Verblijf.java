package nl.jeugdspiegel.core.lake;

import nl.jeugdspiegel.core.reference.CodeList;
import nl.jeugdspiegel.core.reference.ReferenceData;

/**
 * The one rule for a lake row's {@code verblijf} (docs/contract.md §6): for jeugdhulp, the hulpvorm decides (BIJ
 * 01–04 without, 11–14 with a stay); without a hulpvorm, the iJw product category (JZ020, column
 * {@code verblijf_afgeleid} of {@code ijw_jz020_productcategorie.csv}); otherwise unknown. Measures
 * (jeugdbescherming, jeugdreclassering) have no verblijf: their type codes (11, 12, …) are not hulpvormen.
 * Ingest writes the value; {@link LakeReader} derives it the same way for files written before the column existed.
 */
public final class Verblijf {

    private static final CodeList CATEGORIES = ReferenceData.get().codeList(ReferenceData.IJW_PRODUCTCATEGORIE);

    private Verblijf() {}

    /** TRUE with a stay, FALSE without, null when unknown or not jeugdhulp. */
    public static Boolean of(String soort, String hulpvorm, String productcategorie) {
        if (!Trajectory.JEUGDHULP.equals(soort)) {
            return null;
        }
        if (hulpvorm != null && hulpvorm.length() == 2) {
            if (hulpvorm.compareTo("01") >= 0 && hulpvorm.compareTo("04") <= 0) {
                return Boolean.FALSE;
            }
            if (hulpvorm.compareTo("11") >= 0 && hulpvorm.compareTo("14") <= 0) {
                return Boolean.TRUE;
            }
        }
        return ofCategory(productcategorie);
    }

    /** What a JZ020 product category says about a stay: TRUE, FALSE or null (not determined, or unknown code). */
    public static Boolean ofCategory(String productcategorie) {
        if (productcategorie == null || !CATEGORIES.contains(productcategorie)) {
            return null;
        }
        String value = CATEGORIES.value(productcategorie, "verblijf_afgeleid");
        return "ja".equals(value) ? Boolean.TRUE : "nee".equals(value) ? Boolean.FALSE : null;
    }
}
