package nl.jeugdspiegel.indicators;

import static nl.jeugdspiegel.indicators.TestLake.jb;
import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.oracle.DuckDbIndicators;
import nl.jeugdspiegel.report.IndicatorTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every indicator of the catalogue ({@link Indicator#ALL}) has its four parts (docs/architecture.md, "How to add or
 * change an indicator"): the engine computes it, the DuckDB SQL of the definitions computes it independently, the
 * site has its text, and the codebook (docs/indicatoren.md) defines it. An indicator added to the catalogue alone
 * fails here, naming what it lacks.
 */
class CatalogueCompletenessTest {

    private static final Path CODEBOOK = Path.of("../../docs/indicatoren.md");

    @TempDir
    Path dir;

    @TempDir
    Path work;

    @Test
    void everyCatalogueIndicatorHasEngineCodeSqlSiteTextAndACodebookEntry() throws Exception {
        TestLake lake = new TestLake(dir);
        lake.delivery("2024H1", "GM0014")
                .row(jh("x", "01", "2024-01-10", "2024-03-31")
                        .reden("01")
                        .verwijzer("08")
                        .aanmeld("2023-12-01"))
                .row(jh("w", "12", "2023-06-01", null).age(2006, 17, "0").agb("11111111"))
                .row(jb("v", "21", "2024-03-01", null))
                .waits("r", "2024-02-01");
        lake.population(2024, "gemeentecode;inwoners_totaal;inwoners_0_17\nGM0014;240000;40000\n");
        List<IndicatorRow> engine = new ArrayList<>(lake.engine().compute(Periode.parse("2024H1")));
        Set<String> computed = engine.stream().map(r -> r.indicator().id()).collect(Collectors.toSet());
        Map<String, DuckDbIndicators.Value> sql = DuckDbIndicators.compute(dir, work, 1);
        Set<String> inSql = new TreeSet<>();
        for (Indicator indicator : Indicator.ALL) {
            if (sql.containsKey(DuckDbIndicators.key("2024H1", "gemeente", "GM0014", indicator.id()))
                    || sql.containsKey(DuckDbIndicators.key("2024H1", "nederland", "NL", indicator.id()))) {
                inSql.add(indicator.id());
            }
        }
        IndicatorTexts texts = new IndicatorTexts();
        String codebook = Files.readString(CODEBOOK);

        List<String> lacking = new ArrayList<>();
        for (Indicator indicator : Indicator.ALL) {
            String id = indicator.id();
            if (!computed.contains(id)) {
                lacking.add(id + ": no engine code (IndicatorEngine computes no row for it)");
            }
            if (!inSql.contains(id)) {
                lacking.add(id + ": no DuckDB SQL (sql/indicators.duckdb.sql gives no value for it)");
            }
            if (!texts.defines(indicator)) {
                lacking.add(id + ": no site text (site/definities.properties)");
            }
            String family = id.contains(".") ? id.substring(0, id.indexOf('.')) : null;
            if (!codebook.contains("`" + id + "`") && (family == null || !codebook.contains("`" + family + ".{"))) {
                lacking.add(id + ": no codebook entry (docs/indicatoren.md)");
            }
        }
        assertEquals(List.of(), lacking);
    }
}
