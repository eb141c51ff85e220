package nl.jeugdspiegel.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.jeugdspiegel.contract.BucketLayout;
import nl.jeugdspiegel.contract.IndicatorRow;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.lake.LakeSchema;
import nl.jeugdspiegel.core.lake.LakeWriter;
import nl.jeugdspiegel.core.lake.Provenance;
import nl.jeugdspiegel.core.lake.Trajectory;
import nl.jeugdspiegel.core.lake.Waiting;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Hand-made lake files for fixture tests: {@code delivery("2024H1", "GM0014").jh("a", "01", "2024-01-01", null)...}.
 * Clients are short names (pseudonyms are made from them); dates ISO; absent values null.
 */
public final class TestLake {

    private final Path dir;
    private final Map<String, List<Trajectory>> deliveries = new LinkedHashMap<>();
    private final Map<Integer, String> populations = new LinkedHashMap<>();
    /** Per delivery that came as iJw messages: who waits ({client, since}); "stale" when its footer is another's. */
    private final Map<String, List<Waiting.Request>> waiting = new LinkedHashMap<>();

    private final java.util.Set<String> staleWaiting = new java.util.HashSet<>();
    /** Deliveries whose lake file is written as contract 1.1 wrote it: no verblijf, hulpvorm required. */
    private final java.util.Set<String> contract11 = new java.util.HashSet<>();

    public TestLake(Path dir) {
        this.dir = dir;
    }

    /** The rows of one delivery (gemeente, periode); a delivery without rows is still a delivery. */
    public final class Delivery {
        private final List<Trajectory> rows;
        private final String key;

        private Delivery(String key, List<Trajectory> rows) {
            this.key = key;
            this.rows = rows;
        }

        /** The delivery came as iJw messages: it has a waiting file (empty until {@link #waits}). */
        public Delivery fromMessages() {
            waiting.computeIfAbsent(key, k -> new ArrayList<>());
            return this;
        }

        /** A client waiting at the periode's last day since {@code since} (an iJw delivery). */
        public Delivery waits(String client, String since) {
            fromMessages();
            waiting.get(key).add(new Waiting.Request(pseudonym(client), day(since), "45"));
            return this;
        }

        /** The lake file as ingest wrote it before contract 1.2 (no verblijf column): the migration case. */
        public Delivery inContract11() {
            contract11.add(key);
            return this;
        }

        /** A hostile waiting file: of this delivery, but its client is no pseudonym. */
        public Delivery corruptWaiting() {
            fromMessages();
            waiting.get(key).add(new Waiting.Request("' OR 1=1 --", 19_000, "45"));
            return this;
        }

        /** The waiting file was left by an earlier delivery: its footer names another upload. */
        public Delivery staleWaiting() {
            fromMessages();
            staleWaiting.add(key);
            return this;
        }

        public Delivery jh(String client, String hulpvorm, String start, String end) {
            return row(new Row(client, "jeugdhulp", hulpvorm, start, end));
        }

        public Delivery row(Row r) {
            rows.add(r.build());
            return this;
        }
    }

    /** A trajectory with defaults: born 2014, age 10 at start, geslacht 1, no optional fields. */
    public static final class Row {
        String client;
        String soort;
        String hulpvorm;
        String productcategorie;
        String start;
        String end;
        int geboortejaar = 2014;
        int leeftijd = 10;
        String geslacht = "1";
        String reden;
        String verwijzer;
        String aanmeld;
        String zonderHulpVerder;
        int tevredenheid = Trajectory.NO_SCORE;
        long kostenCent = Trajectory.NO_AMOUNT;
        String agb;

        Row(String client, String soort, String hulpvorm, String start, String end) {
            this.client = client;
            this.soort = soort;
            this.hulpvorm = hulpvorm;
            this.start = start;
            this.end = end;
        }

        public Row reden(String code) {
            reden = code;
            return this;
        }

        public Row verwijzer(String code) {
            verwijzer = code;
            return this;
        }

        public Row aanmeld(String date) {
            aanmeld = date;
            return this;
        }

        public Row zonderHulpVerder(String code) {
            zonderHulpVerder = code;
            return this;
        }

        public Row tevredenheid(int score) {
            tevredenheid = score;
            return this;
        }

        /** A row from iJw messages: no hulpvorm, the product category in its place (verblijf from the category). */
        public Row product(String categorie) {
            hulpvorm = null;
            productcategorie = categorie;
            return this;
        }

        /** The provider's AGB code (8 digits; anything else is kept as written, to test that readers ignore it). */
        public Row agb(String code) {
            agb = code;
            return this;
        }

        public Row kosten(long cents) {
            kostenCent = cents;
            return this;
        }

        public Row age(int geboorte, int leeftijdStart, String sex) {
            geboortejaar = geboorte;
            leeftijd = leeftijdStart;
            geslacht = sex;
            return this;
        }

        Trajectory build() {
            return new Trajectory(
                    pseudonym(client),
                    geboortejaar,
                    leeftijd,
                    geslacht,
                    soort,
                    hulpvorm,
                    day(start),
                    day(end),
                    reden,
                    verwijzer,
                    day(aanmeld),
                    zonderHulpVerder,
                    tevredenheid,
                    kostenCent,
                    agb,
                    productcategorie,
                    nl.jeugdspiegel.core.lake.Verblijf.of(soort, hulpvorm, productcategorie));
        }
    }

    public static Row jh(String client, String hulpvorm, String start, String end) {
        return new Row(client, "jeugdhulp", hulpvorm, start, end);
    }

    public static Row jb(String client, String maatregel, String start, String end) {
        return new Row(client, "jeugdbescherming", maatregel, start, end);
    }

    public static Row jr(String client, String maatregel, String start, String end) {
        return new Row(client, "jeugdreclassering", maatregel, start, end);
    }

    /** 64 hex characters, distinct per name (the engine only needs the first 32 to be). */
    static String pseudonym(String name) {
        StringBuilder hex = new StringBuilder();
        for (char c : name.toCharArray()) {
            hex.append(String.format("%04x", (int) c));
        }
        while (hex.length() < 64) {
            hex.append('0');
        }
        return hex.substring(0, 64);
    }

    static int day(String iso) {
        return iso == null ? Trajectory.NO_DATE : (int) LocalDate.parse(iso).toEpochDay();
    }

    public Delivery delivery(String periode, String gemeente) {
        String key = periode + "/" + gemeente;
        return new Delivery(key, deliveries.computeIfAbsent(key, k -> new ArrayList<>()));
    }

    public TestLake population(int year, String csv) {
        populations.put(year, csv);
        return this;
    }

    /** Writes the lake files and population files, loads and merges them. */
    public IndicatorEngine engine() {
        return engine(Map.of());
    }

    /** The engine over the lake, with a provider register. */
    public IndicatorEngine engine(Map<String, String> providerNames) {
        try {
            List<Population> population = new ArrayList<>();
            populations.forEach((year, csv) -> population.add(Population.parse(year, csv)));
            return new IndicatorEngine(data(), population, providerNames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lake written and loaded, as the engine gets it (after the merge rule). */
    public LakeData data() throws IOException {
        write();
        List<LakeFile> files = new ArrayList<>();
        for (String delivery : deliveries.keySet()) {
            String[] parts = delivery.split("/");
            Periode periode = Periode.parse(parts[0]);
            Path waitingFile = dir.resolve(BucketLayout.wachtend(periode, parts[1]));
            files.add(new LakeFile(
                    periode,
                    parts[1],
                    dir.resolve(BucketLayout.trajecten(periode, parts[1])),
                    Files.exists(waitingFile) ? waitingFile : null));
        }
        return LakeLoader.load(files, 2);
    }

    /** Writes the lake files and population files under the folder, as the bucket holds them. */
    public Path write() throws IOException {
        for (Map.Entry<String, List<Trajectory>> d : deliveries.entrySet()) {
            String[] parts = d.getKey().split("/");
            Path file = dir.resolve(BucketLayout.trajecten(Periode.parse(parts[0]), parts[1]));
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Map<String, String> footer = Map.of(
                    Provenance.TIME, "2025-01-15T10:00:00Z",
                    Provenance.KEY, "uploads/" + parts[1] + "/" + parts[0] + "/berichten.zip",
                    Provenance.VERSION, "1");
            if (contract11.contains(d.getKey())) {
                writeContract11(file, d.getValue(), footer);
            } else {
                try (LakeWriter writer = LakeWriter.open(file, footer)) {
                    for (Trajectory t : d.getValue()) {
                        writer.write(t);
                    }
                }
            }
            if (waiting.containsKey(d.getKey())) {
                Path waitingFile = dir.resolve(BucketLayout.wachtend(Periode.parse(parts[0]), parts[1]));
                Files.createDirectories(waitingFile.getParent());
                Map<String, String> waitingFooter = new java.util.HashMap<>(footer);
                if (staleWaiting.contains(d.getKey())) {
                    waitingFooter.put(Provenance.KEY, "uploads/" + parts[1] + "/" + parts[0] + "/oud.zip");
                }
                Waiting.write(waitingFile, waiting.get(d.getKey()), waitingFooter);
            }
        }
        Path bevolking = Files.createDirectories(dir.resolve("reference/bevolking"));
        for (Map.Entry<Integer, String> p : populations.entrySet()) {
            Files.writeString(bevolking.resolve(p.getKey() + ".csv"), p.getValue());
        }
        return dir;
    }

    /** The schema of contract 1.1: today's without verblijf, with hulpvorm required. */
    static final org.apache.parquet.schema.MessageType SCHEMA_1_1 =
            org.apache.parquet.schema.MessageTypeParser.parseMessageType(LakeSchema.TRAJECTEN
                    .toString()
                    .replace("optional binary hulpvorm", "required binary hulpvorm")
                    .replace("  optional boolean verblijf;\n", ""));

    private static void writeContract11(Path file, List<Trajectory> rows, Map<String, String> footer)
            throws IOException {
        org.apache.parquet.example.data.simple.SimpleGroupFactory groups =
                new org.apache.parquet.example.data.simple.SimpleGroupFactory(SCHEMA_1_1);
        try (ParquetWriter<org.apache.parquet.example.data.Group> writer =
                org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(
                                new org.apache.parquet.io.LocalOutputFile(file))
                        .withType(SCHEMA_1_1)
                        .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
                        .withExtraMetaData(footer)
                        .build()) {
            for (Trajectory t : rows) {
                org.apache.parquet.example.data.Group g = groups.newGroup()
                        .append("client", t.client())
                        .append("geboortejaar", t.geboortejaar())
                        .append("leeftijd_start", t.leeftijdStart())
                        .append("geslacht", t.geslacht())
                        .append("soort", t.soort())
                        .append("hulpvorm", t.hulpvorm())
                        .append("startdatum", t.startdatum());
                if (t.hasEinddatum()) {
                    g.append("einddatum", t.einddatum());
                }
                if (t.redenBeeindiging() != null) {
                    g.append("reden_beeindiging", t.redenBeeindiging());
                }
                if (t.verwijzer() != null) {
                    g.append("verwijzer", t.verwijzer());
                }
                if (t.hasAanmelddatum()) {
                    g.append("aanmelddatum", t.aanmelddatum());
                }
                if (t.zonderHulpVerder() != null) {
                    g.append("zonder_hulp_verder", t.zonderHulpVerder());
                }
                if (t.hasTevredenheid()) {
                    g.append("tevredenheid", t.tevredenheid());
                }
                if (t.hasKosten()) {
                    g.append("kosten", t.kostenCent());
                }
                writer.write(g);
            }
        }
    }

    /** The row of one (niveau, code, indicator) in a computed table. */
    static IndicatorRow find(List<IndicatorRow> rows, Niveau niveau, String code, String indicator) {
        Optional<IndicatorRow> row = rows.stream()
                .filter(r -> r.niveau() == niveau
                        && r.code().equals(code)
                        && r.indicator().id().equals(indicator))
                .findFirst();
        return row.orElseThrow(() -> new AssertionError("no row " + niveau + " " + code + " " + indicator));
    }
}
