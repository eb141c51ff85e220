package nl.jeugdspiegel.ingest.ijw;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.jeugdspiegel.core.reference.CodeList;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.validation.CodeRules;

/**
 * A municipality's product mapping, {@code reference/productcodes/{gemeentecode}.csv} (docs/contract.md §2):
 * {@code productcategorie;productcode;hulpvorm}, one line per product of its purchasing, with the BIJ hulpvorm (for
 * jeugdhulp) or type of measure (for categories 47–49) it stands for. Where it names a product of a trajectory,
 * that hulpvorm is used (and so verblijf follows from it). Lines that do not hold a known category, a product code
 * and a hulpvorm valid for the category's soort are ignored and counted; the receipt says how many.
 */
public final class ProductMapping {

    /** The largest mapping file read (a municipality has some hundreds of products). */
    public static final long MAX_BYTES = 1 << 20;

    public static final ProductMapping NONE = new ProductMapping(null, Map.of(), 0);

    private final String key;
    private final Map<String, String> hulpvormByProduct;
    private final int ignoredLines;

    private ProductMapping(String key, Map<String, String> hulpvormByProduct, int ignoredLines) {
        this.key = key;
        this.hulpvormByProduct = Map.copyOf(hulpvormByProduct);
        this.ignoredLines = ignoredLines;
    }

    /** Reads a mapping file (at most {@link #MAX_BYTES}); {@code key} is where it came from, for the receipt. */
    public static ProductMapping read(String key, InputStream in, CodeRules rules) {
        CodeList categories = ReferenceData.get().codeList(ReferenceData.IJW_PRODUCTCATEGORIE);
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the product mapping " + key, e);
        }
        if (bytes.length > MAX_BYTES) {
            return new ProductMapping(key, Map.of(), -1);
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        char separator = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
        Map<String, String> mapping = new HashMap<>();
        int ignored = 0;
        boolean header = true;
        for (CsvRecord record : CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(text)) {
            List<String> fields = record.getFields().stream().map(String::strip).toList();
            if (header) {
                header = false;
                if (!fields.isEmpty() && fields.get(0).toLowerCase(Locale.ROOT).equals("productcategorie")) {
                    continue;
                }
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            String category = fields.isEmpty() ? "" : CodeRules.normaliseCode(fields.get(0));
            String soort = categories.contains(category) ? categories.value(category, "soort_afgeleid") : null;
            String hulpvorm = fields.size() < 3 || soort == null || soort.isEmpty()
                    ? null
                    : rules.hulpvorm(soort).lookup(CodeRules.normaliseCode(fields.get(2)));
            if (fields.size() != 3 || hulpvorm == null || fields.get(1).isEmpty()) {
                ignored++;
                continue;
            }
            mapping.put(category + "|" + fields.get(1), hulpvorm);
        }
        return new ProductMapping(key, mapping, ignored);
    }

    /** The hulpvorm the mapping gives a product, or null. */
    public String hulpvorm(String productcategorie, String productcode) {
        return productcode == null ? null : hulpvormByProduct.get(productcategorie + "|" + productcode);
    }

    /** Where the mapping came from, or null without one. */
    public String key() {
        return key;
    }

    public int products() {
        return hulpvormByProduct.size();
    }

    /** Lines ignored; -1 when the whole file was too large to read. */
    public int ignoredLines() {
        return ignoredLines;
    }
}
