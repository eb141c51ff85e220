package nl.jeugdspiegel.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds upload files for tests. */
public final class TestUploads {

    public static final List<String> HEADER = List.of(
            "bsn",
            "geboortedatum",
            "geslacht",
            "soort",
            "hulpvorm",
            "startdatum",
            "einddatum",
            "reden_beeindiging",
            "verwijzer",
            "aanmelddatum",
            "zonder_hulp_verder",
            "tevredenheid",
            "kosten",
            "aanbieder_agb",
            "productcategorie");

    private TestUploads() {}

    /** The i-th valid BSN (passes the elfproef), i ≥ 0. */
    public static String bsn(int i) {
        for (int base = 10_000_000 + i * 10; ; base++) {
            String eight = Integer.toString(base);
            int sum = 0;
            for (int k = 0; k < 8; k++) {
                sum += (9 - k) * (eight.charAt(k) - '0');
            }
            int check = sum % 11;
            if (check < 10) {
                return eight + check;
            }
        }
    }

    /** A valid, ended jeugdhulp row in 2024H1 for youth i. */
    public static Map<String, String> row(int i) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("bsn", bsn(i));
        r.put("geboortedatum", "2012-03-04");
        r.put("geslacht", "1");
        r.put("soort", "jeugdhulp");
        r.put("hulpvorm", "02");
        r.put("startdatum", "2024-02-01");
        r.put("einddatum", "2024-05-31");
        r.put("reden_beeindiging", "01");
        r.put("verwijzer", "02");
        r.put("aanmelddatum", "2024-01-10");
        r.put("zonder_hulp_verder", "04");
        r.put("tevredenheid", "8");
        r.put("kosten", "1234.50");
        r.put("aanbieder_agb", "12345678");
        r.put("productcategorie", "45");
        return r;
    }

    public static List<Map<String, String>> rows(int count) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    /** CSV text: the header's columns in order, RFC 4180 quoting where needed. */
    public static String csv(char separator, String lineEnd, List<String> header, List<Map<String, String>> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.join(String.valueOf(separator), header)).append(lineEnd);
        for (Map<String, String> row : rows) {
            List<String> fields = new ArrayList<>();
            for (String column : header) {
                fields.add(quote(row.getOrDefault(column, ""), separator));
            }
            b.append(String.join(String.valueOf(separator), fields)).append(lineEnd);
        }
        return b.toString();
    }

    public static String csv(List<Map<String, String>> rows) {
        return csv(';', "\n", HEADER, rows);
    }

    private static String quote(String value, char separator) {
        if (value.indexOf(separator) >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
