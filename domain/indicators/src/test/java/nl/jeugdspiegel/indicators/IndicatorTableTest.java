package nl.jeugdspiegel.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.IndicatorTable;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.core.Periode;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorTableTest {

    @TempDir
    Path dir;

    private static final List<IndicatorRow> ROWS = List.of(
            new IndicatorRow(
                    Periode.parse("2024H1"),
                    Niveau.GEMEENTE,
                    "GM0014",
                    "Groningen",
                    Indicator.byId("aandeel_met_verblijf"),
                    1.0,
                    3.0,
                    1.0 / 3,
                    0.0615,
                    0.7923,
                    IndicatorRow.Status.OK,
                    0.1,
                    0.9,
                    0.0,
                    1.0),
            new IndicatorRow(
                    Periode.parse("2024H1"),
                    Niveau.GEMEENTE,
                    "GM0518",
                    "'s-Gravenhage, \"Den Haag\"",
                    Indicator.byId("kosten_per_jeugdige"),
                    1234567.89,
                    12.0,
                    0.00001,
                    null,
                    null,
                    IndicatorRow.Status.NIET_BESCHIKBAAR,
                    null,
                    null,
                    null,
                    null));

    @Test
    void csvHasTheHeaderOfTheDefinitionsAndPlainNumbers() throws Exception {
        Path csv = dir.resolve("indicators.csv");
        IndicatorTable.writeCsv(ROWS, csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(
                "periode,niveau,code,naam,indicator,teller,noemer,waarde,ci_laag,ci_hoog,status,"
                        + "funnel_95_laag,funnel_95_hoog,funnel_998_laag,funnel_998_hoog",
                lines.get(0));
        assertEquals(
                "2024H1,gemeente,GM0014,Groningen,aandeel_met_verblijf,1,3,0.3333333333333333,0.0615,0.7923,ok,"
                        + "0.1,0.9,0,1",
                lines.get(1));
        // quoting per RFC 4180, no exponent notation, empty for null
        assertEquals(
                "2024H1,gemeente,GM0518,\"'s-Gravenhage, \"\"Den Haag\"\"\",kosten_per_jeugdige,1234567.89,12,"
                        + "0.00001,,,niet_beschikbaar,,,,",
                lines.get(2));
        assertEquals(ROWS, IndicatorTable.readCsv(csv));
    }

    @Test
    void parquetHoldsTheSameRows() throws Exception {
        Path parquet = dir.resolve("indicators.parquet");
        IndicatorTable.writeParquet(ROWS, parquet, Map.of("jeugdspiegel.periode", "2024H1"));
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(parquet))) {
            assertEquals(2, reader.getRecordCount());
            assertEquals(IndicatorTable.SCHEMA, reader.getFileMetaData().getSchema());
            assertEquals(
                    "2024H1", reader.getFileMetaData().getKeyValueMetaData().get("jeugdspiegel.periode"));
        }
    }
}
