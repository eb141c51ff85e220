package nl.jeugdspiegel.indicators;

import static nl.jeugdspiegel.indicators.TestLake.find;
import static nl.jeugdspiegel.indicators.TestLake.jh;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.ProviderNames;
import nl.jeugdspiegel.core.Periode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional register reference/aanbieders.csv names provider units; anything odd in it is left out. */
class ProviderNamesTest {

    @TempDir
    Path dir;

    @Test
    void registerRowsThatAreNotAnAgbAndANameAreLeftOut() {
        String csv = "agb;naam\n"
                + "12345678; Jeugdhulp Noord \n"
                + "1234;te kort\n"
                + "87654321;\n"
                + "11111111;\"Zorg; met puntkomma\"\n"
                + "22222222\n"
                + "33333333;" + "x".repeat(500) + "\n";
        Map<String, String> names = ProviderNames.parse(csv);
        assertEquals("Jeugdhulp Noord", names.get("12345678"));
        assertEquals("Zorg; met puntkomma", names.get("11111111"));
        assertEquals(ProviderNames.MAX_NAME, names.get("33333333").length());
        assertEquals(List.of("11111111", "12345678", "33333333"), List.copyOf(names.keySet()));
        assertEquals(Map.of(), ProviderNames.parse("agb;naam\n\"unterminated;x\n"));
    }

    @Test
    void providerUnitsCarryTheirNameOrTheirCode() {
        TestLake lake = new TestLake(dir);
        TestLake.Delivery delivery = lake.delivery("2024H1", "GM0014");
        for (int y = 0; y < 10; y++) { // own units from 10 youths (v1.3)
            delivery.row(jh("a" + y, "01", "2024-01-10", null).agb("12345678"))
                    .row(jh("b" + y, "01", "2024-01-10", null).agb("87654321"));
        }
        List<IndicatorRow> rows =
                lake.engine(Map.of("12345678", "Jeugdhulp Noord")).compute(Periode.parse("2024H1"));
        assertEquals(
                "Jeugdhulp Noord",
                find(rows, Niveau.AANBIEDER, "12345678", "jeugdigen_jh").naam());
        assertEquals(
                "Jeugdhulp Noord",
                find(rows, Niveau.AANBIEDER_JEUGDREGIO, "JZ10-12345678", "jeugdigen_jh")
                        .naam());
        assertEquals(
                "87654321",
                find(rows, Niveau.AANBIEDER, "87654321", "jeugdigen_jh").naam());
    }
}
