package nl.jeugdspiegel.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.oracle.DuckDbIndicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cohort figures of Java and of the DuckDB SQL on a whole bucket folder (the demo country), with their times:
 * {@code mvn -pl local/duckdb-oracle test -Dtest=InstroomOnABucketCheck -Dinstroom.bucket=/path/to/demo}. Skipped
 * without the property (a measurement, not a unit test).
 */
class InstroomOnABucketCheck {

    @TempDir
    Path work;

    @Test
    @EnabledIfSystemProperty(named = "instroom.bucket", matches = ".+")
    void javaAndSqlAgreeOnTheBucket() throws Exception {
        Path dir = Path.of(System.getProperty("instroom.bucket"));
        Path root = dir.resolve(BucketLayout.LAKE_TRAJECTEN);
        List<LakeFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String key = BucketLayout.LAKE_TRAJECTEN
                        + root.relativize(path).toString().replace('\\', '/');
                BucketLayout.partFileOf(key)
                        .ifPresent(p -> files.add(new LakeFile(p.periode(), p.gemeentecode(), path)));
            }
        }
        long t0 = System.nanoTime();
        LakeData data = LakeLoader.load(files, 2);
        long t1 = System.nanoTime();
        int lmax = data.periods.get(data.periods.size() - 1).lastEpochDay();
        List<String> javaFigures = new ArrayList<>();
        int members = 0;
        for (Periode p : data.periods) {
            List<Instroom.Member> cohort = Instroom.members(data, p.firstEpochDay(), p.lastEpochDay());
            members += cohort.size();
            InstroomFigures.byUnit(cohort, data.gemeenten, p.lastEpochDay(), lmax)
                    .forEach((unit, f) -> {
                        String key = p + "|" + unit.niveau().code() + "|" + unit.code() + "|";
                        javaFigures.add(key + "jeugdigen|" + f.members());
                        javaFigures.add(key + "median|"
                                + (f.median().reached() ? f.median().days() : "") + "|"
                                + f.median().events());
                        for (int h = 0; h < Instroom.HORIZONS.length; h++) {
                            if (f.states()[h] != null) {
                                for (Instroom.State state : Instroom.State.values()) {
                                    int n = f.states()[h][state.ordinal()];
                                    if (n > 0) {
                                        javaFigures.add(key + Instroom.HORIZON_IDS[h] + "|" + state.id + "|" + n);
                                    }
                                }
                            }
                        }
                    });
        }
        long t2 = System.nanoTime();
        List<String> sqlFigures = new ArrayList<>();
        DuckDbIndicators.instroom(dir, work, sqlFigures);
        long t3 = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "instroom on %s: %,d rows, %,d members, %,d figures; Java: load %.1f s, cohorts %.1f s; "
                        + "DuckDB (indicator script + cohorts) %.1f s%n",
                dir,
                data.size,
                members,
                javaFigures.size(),
                (t1 - t0) / 1e9,
                (t2 - t1) / 1e9,
                (t3 - t2) / 1e9);
        javaFigures.sort(null);
        sqlFigures.sort(null);
        assertEquals(sqlFigures.size(), javaFigures.size());
        assertEquals(sqlFigures, javaFigures);
    }
}
