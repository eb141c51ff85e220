package nl.jeugdspiegel.ingest.ijw;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.CodeList;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.csv.Column;

/**
 * Turns the facts of a delivery's iJw messages into trajectory rows in the columns of the CSV upload
 * (contract §2), so they take exactly the CSV path from there on (validation, pseudonymisation, lake).
 * <ul>
 *   <li>A trajectory is a JW305 start and a JW307 stop of the same client, ToewijzingNummer and product.
 *       A start without a stop is a running trajectory. A stop without a start takes the JW307's own
 *       Begindatum and is reported. Repeated messages count once.</li>
 *   <li>soort and hulpvorm come from the product category (JZ020) through {@code bij_hulpvorm_afgeleid} of
 *       {@code reference/codes/ijw_jz020_productcategorie.csv}; a category without a sound mapping is
 *       reported and its trajectories are left out rather than guessed.</li>
 *   <li>reden_beeindiging: JZ588 → BIJ ({@code bij_reden_beeindiging_afgeleid}); verwijzer: the JW315's
 *       COD327 → BIJ ({@code bij_verwijzer_afgeleid}); aanmelddatum: the dagtekening of the JW315 for the
 *       client and product, else the Toewijzingsdatum of the JW301; kosten: the JW323 amounts (debet minus
 *       credit, in cents) of the ToewijzingNummer whose product period overlaps the periode.</li>
 *   <li>Only trajectories active in the periode of the delivery are kept.</li>
 * </ul>
 */
public final class TrajectoryReconstruction {

    /** The rows in {@link Column} order, and what the receipt should say about the reconstruction. */
    public record Result(List<List<String>> rows, List<String> warnings) {
    }

    private final CodeList categories = ReferenceData.get().codeList(ReferenceData.IJW_PRODUCTCATEGORIE);
    private final CodeList redenen = ReferenceData.get().codeList(ReferenceData.IJW_REDEN_BEEINDIGING);
    private final CodeList verwijzers = ReferenceData.get().codeList(ReferenceData.IJW_VERWIJZER);

    private static final class Trajectory {
        String bsn;
        String geboortedatum;
        String geslacht;
        String categorie;
        String start;
        String end;
        String reden;
        boolean started;
    }

    public Result reconstruct(Periode periode, Collection<MessageFacts.Fact> facts) {
        Map<String, Trajectory> byKey = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        for (MessageFacts.Fact f : facts) {
            if (f.type() != MessageCheck.Type.JW305 && f.type() != MessageCheck.Type.JW307) {
                continue;
            }
            Trajectory t = byKey.computeIfAbsent(key(f), k -> new Trajectory());
            t.bsn = f.get("Client/Bsn");
            t.geboortedatum = f.get("Client/Geboortedatum/Datum");
            t.geslacht = f.get("Client/Geslacht");
            t.categorie = f.get("Product/Categorie");
            if (f.type() == MessageCheck.Type.JW305) {
                t.start = f.get("Begindatum");
                t.started = true;
            } else {
                if (t.start == null) {
                    t.start = f.get("Begindatum");
                }
                t.end = f.get("Einddatum");
                t.reden = f.get("RedenBeeindiging");
            }
        }
        int stopsWithoutStart = 0;
        Map<String, Integer> unmapped = new TreeMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Trajectory> e : byKey.entrySet()) {
            Trajectory t = e.getValue();
            if (!active(t, periode)) {
                continue;
            }
            String hulpvorm = categories.contains(t.categorie) ? categories.value(t.categorie, "bij_hulpvorm_afgeleid") : null;
            if (hulpvorm == null || hulpvorm.isBlank()) {
                unmapped.merge(t.categorie, 1, Integer::sum);
                continue;
            }
            if (!t.started) {
                stopsWithoutStart++;
            }
            String[] row = new String[Column.values().length];
            java.util.Arrays.fill(row, "");
            row[Column.BSN.ordinal()] = t.bsn;
            row[Column.GEBOORTEDATUM.ordinal()] = t.geboortedatum;
            row[Column.GESLACHT.ordinal()] = t.geslacht;
            row[Column.SOORT.ordinal()] = "jeugdhulp";
            row[Column.HULPVORM.ordinal()] = hulpvorm;
            row[Column.STARTDATUM.ordinal()] = t.start;
            row[Column.EINDDATUM.ordinal()] = t.end == null ? "" : t.end;
            row[Column.REDEN_BEEINDIGING.ordinal()] = t.reden == null ? "" : bij(redenen, t.reden, "bij_reden_beeindiging_afgeleid");
            row[Column.PRODUCTCATEGORIE.ordinal()] = t.categorie;
            String[] parts = e.getKey().split("\\|", -1);
            row[Column.AANMELDDATUM.ordinal()] = aanmelddatum(facts, t, parts[1]);
            row[Column.VERWIJZER.ordinal()] = verwijzer(facts, t);
            row[Column.KOSTEN.ordinal()] = kosten(facts, t, parts[1], periode);
            rows.add(List.of(row));
        }
        rows.sort(Comparator.comparing((List<String> r) -> r.get(Column.BSN.ordinal()))
                .thenComparing(r -> r.get(Column.STARTDATUM.ordinal())).thenComparing(r -> r.get(Column.HULPVORM.ordinal())));
        if (stopsWithoutStart > 0) {
            warnings.add(stopsWithoutStart + " traject(en) met een JW307 (stop) zonder JW305 (start): de begindatum komt uit de JW307");
        }
        unmapped.forEach((categorie, n) -> warnings.add(n + " traject(en) met productcategorie " + categorie
                + " niet opgenomen: deze categorie heeft geen eenduidige BIJ-hulpvorm"));
        return new Result(rows, warnings);
    }

    private static String key(MessageFacts.Fact f) {
        return f.get("Client/Bsn") + "|" + f.get("ToewijzingNummer") + "|" + f.get("Product/Categorie") + "|"
                + (f.get("Product/Code") == null ? "" : f.get("Product/Code"));
    }

    private static boolean active(Trajectory t, Periode p) {
        try {
            LocalDate start = LocalDate.parse(t.start);
            LocalDate end = t.end == null ? null : LocalDate.parse(t.end);
            return !start.isAfter(p.lastDay()) && (end == null || !end.isBefore(p.firstDay()));
        } catch (DateTimeParseException | NullPointerException e) {
            return true; // the validation of the row reports the bad date
        }
    }

    private static String bij(CodeList list, String code, String column) {
        String value = list.contains(code) ? list.value(code, column) : null;
        return value == null ? "" : value;
    }

    /** The dagtekening of the earliest JW315 for this client and category on or before the start, else the JW301's Toewijzingsdatum. */
    private static String aanmelddatum(Collection<MessageFacts.Fact> facts, Trajectory t, String toewijzing) {
        String best = null;
        for (MessageFacts.Fact f : facts) {
            if (f.type() == MessageCheck.Type.JW315 && t.bsn.equals(f.get("Client/Bsn")) && t.categorie.equals(f.get("Product/Categorie"))) {
                String day = f.get("Header/BerichtIdentificatie/Dagtekening");
                if (day != null && day.compareTo(t.start) <= 0 && (best == null || day.compareTo(best) < 0)) {
                    best = day;
                }
            }
        }
        if (best != null) {
            return best;
        }
        for (MessageFacts.Fact f : facts) {
            if (f.type() == MessageCheck.Type.JW301 && t.bsn.equals(f.get("Client/Bsn")) && toewijzing.equals(f.get("ToewijzingNummer"))) {
                return f.get("Toewijzingsdatum") == null ? "" : f.get("Toewijzingsdatum");
            }
        }
        return "";
    }

    private String verwijzer(Collection<MessageFacts.Fact> facts, Trajectory t) {
        for (MessageFacts.Fact f : facts) {
            if (f.type() == MessageCheck.Type.JW315 && t.bsn.equals(f.get("Client/Bsn"))
                    && t.categorie.equals(f.get("Product/Categorie")) && f.get("Verwijzer/Type") != null) {
                return bij(verwijzers, f.get("Verwijzer/Type"), "bij_verwijzer_afgeleid");
            }
        }
        return "";
    }

    /** Euros with two decimals, or empty when no invoice line of the periode names the allocation. */
    private static String kosten(Collection<MessageFacts.Fact> facts, Trajectory t, String toewijzing, Periode p) {
        long cents = 0;
        boolean any = false;
        for (MessageFacts.Fact f : facts) {
            if (f.type() != MessageCheck.Type.JW323 || !t.bsn.equals(f.get("Client/Bsn"))
                    || !toewijzing.equals(f.get("ToewijzingNummer"))) {
                continue;
            }
            String from = f.get("ProductPeriode/Begindatum");
            String to = f.get("ProductPeriode/Einddatum");
            if (from == null || to == null || LocalDate.parse(to).isBefore(p.firstDay()) || LocalDate.parse(from).isAfter(p.lastDay())) {
                continue;
            }
            long amount = Long.parseLong(f.get("IngediendBedrag/Bedrag"));
            cents += "C".equalsIgnoreCase(f.get("IngediendBedrag/DebetCredit")) ? -amount : amount;
            any = true;
        }
        return any ? java.math.BigDecimal.valueOf(cents, 2).toPlainString() : "";
    }
}
