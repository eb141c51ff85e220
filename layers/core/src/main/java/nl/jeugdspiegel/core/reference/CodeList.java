package nl.jeugdspiegel.core.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A code list from {@code reference/codes/}: code to its row (omschrijving and other columns). */
public final class CodeList {

    private final String name;
    private final Map<String, Map<String, String>> rows;

    CodeList(String name, List<Map<String, String>> rows) {
        this.name = name;
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            byCode.put(row.get("code"), Collections.unmodifiableMap(row));
        }
        this.rows = Collections.unmodifiableMap(byCode);
    }

    public String name() {
        return name;
    }

    public boolean contains(String code) {
        return code != null && rows.containsKey(code);
    }

    public Set<String> codes() {
        return rows.keySet();
    }

    public String omschrijving(String code) {
        Map<String, String> row = rows.get(code);
        return row == null ? null : row.get("omschrijving");
    }

    public String value(String code, String column) {
        Map<String, String> row = rows.get(code);
        return row == null ? null : row.get(column);
    }

    /** The codes whose {@code column} equals one of {@code values}, in file order. */
    public Set<String> codesWhere(String column, String... values) {
        Set<String> wanted = Set.of(values);
        Set<String> codes = new LinkedHashSet<>();
        rows.forEach((code, row) -> {
            if (wanted.contains(row.get(column))) {
                codes.add(code);
            }
        });
        return Collections.unmodifiableSet(codes);
    }
}
