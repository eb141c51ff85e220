package nl.jeugdspiegel.ingest.ijw;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.reference.CodeList;
import nl.jeugdspiegel.core.reference.ReferenceData;
import nl.jeugdspiegel.ingest.upload.Column;

/**
 * Turns the facts of a delivery's iJw messages into trajectory rows in the columns of the CSV upload
 * (docs/contract.md §2), so they take exactly the CSV path from there on (validation, pseudonymisation, lake).
 * <ul>
 *   <li>A trajectory is a JW305 start and a JW307 stop of the same client, ToewijzingNummer and product.
 *       A start without a stop is a running trajectory. A stop without a start takes the JW307's own
 *       Begindatum and is reported. Repeated messages count once.</li>
 *   <li>soort and hulpvorm come from the product category (JZ020) through {@code bij_hulpvorm_afgeleid} of
 *       {@code reference/codes/ijw_jz020_productcategorie.csv}; a category without a sound mapping is
 *       reported and its trajectories are left out rather than guessed.</li>
 *   <li>The chain: the allocation is the JW301 with the trajectory's ToewijzingNummer; the request is the
 *       JW315 with the allocation's ReferentieAanbieder, or, without that link, the client's latest JW315 for
 *       the same category dated on or before the start.</li>
 *   <li>reden_beeindiging: JZ588 → BIJ ({@code bij_reden_beeindiging_afgeleid}); verwijzer: the request's
 *       COD327 → BIJ ({@code bij_verwijzer_afgeleid}); aanmelddatum: the request's dagtekening, else the
 *       allocation's Toewijzingsdatum, whichever is first found on or before the start (a request or
 *       allocation made after care began says nothing about the wait, so then it stays empty);
 *       aanbieder_agb: the sender (Afzender) of the JW305/JW307; kosten: the JW323 amounts (debet minus
 *       credit, in cents) of the ToewijzingNummer whose product period overlaps the periode, each invoice
 *       line (ProductReferentie) counted once.</li>
 *   <li>Only trajectories active in the periode of the delivery are kept.</li>
 * </ul>
 */
public final class TrajectoryReconstruction {

    /**
     * The rows in {@link Column} order, for each row the messages it came from, and what the receipt should
     * say about the reconstruction. Results of parts of a delivery (clients split over buckets) add up.
     */
    public record Result(
            List<List<String>> rows, List<String> sources, int stopsWithoutStart, Map<String, Integer> unmapped) {

        public static final Result EMPTY = new Result(List.of(), List.of(), 0, Map.of());

        public Result plusCounts(Result other) {
            Map<String, Integer> all = new TreeMap<>(unmapped);
            other.unmapped.forEach((c, n) -> all.merge(c, n, Integer::sum));
            return new Result(List.of(), List.of(), stopsWithoutStart + other.stopsWithoutStart, all);
        }

        public List<String> warnings() {
            List<String> warnings = new ArrayList<>();
            if (stopsWithoutStart > 0) {
                warnings.add(
                        stopsWithoutStart + " traject(en) met een JW307 (stop) zonder JW305 (start): de begindatum "
                                + "komt uit de JW307");
            }
            unmapped.forEach((categorie, n) -> warnings.add(n + " traject(en) met productcategorie " + categorie
                    + " niet opgenomen: deze categorie heeft geen eenduidige BIJ-hulpvorm"));
            return warnings;
        }
    }

    /** How the receipt names a start or stop without a Product (it is optional in JW305 and JW307). */
    static final String NO_CATEGORY = "(geen Product in het bericht)";

    private final CodeList categories = ReferenceData.get().codeList(ReferenceData.IJW_PRODUCTCATEGORIE);
    private final CodeList redenen = ReferenceData.get().codeList(ReferenceData.IJW_REDEN_BEEINDIGING);
    private final CodeList verwijzers = ReferenceData.get().codeList(ReferenceData.IJW_VERWIJZER);

    private static final class Trajectory {
        String bsn;
        String toewijzing;
        String geboortedatum;
        String geslacht;
        String categorie;
        String start;
        String end;
        String reden;
        String agb;
        String startFile;
        String stopFile;
        boolean started;
    }

    /** The facts of one delivery (or of a part of it that holds all messages of its clients). */
    public Result reconstruct(Periode periode, Collection<MessageFacts.Fact> facts) {
        Map<String, Trajectory> byKey = new TreeMap<>();
        Map<String, List<MessageFacts.Fact>> requests = new HashMap<>();
        Map<String, MessageFacts.Fact> allocations = new HashMap<>();
        Map<String, List<MessageFacts.Fact>> invoices = new HashMap<>();
        for (MessageFacts.Fact f : facts) {
            String bsn = f.get("Client/Bsn");
            switch (f.type()) {
                case JW315 ->
                    requests.computeIfAbsent(bsn, b -> new ArrayList<>()).add(f);
                case JW301 -> allocations.putIfAbsent(bsn + "|" + f.get("ToewijzingNummer"), f);
                case JW323 ->
                    invoices.computeIfAbsent(bsn + "|" + f.get("ToewijzingNummer"), b -> new ArrayList<>())
                            .add(f);
                case JW305, JW307 -> add(byKey.computeIfAbsent(key(f), k -> new Trajectory()), f);
            }
        }
        int stopsWithoutStart = 0;
        Map<String, Integer> unmapped = new TreeMap<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Trajectory t : byKey.values()) {
            if (!active(t, periode)) {
                continue;
            }
            String hulpvorm =
                    categories.contains(t.categorie) ? categories.value(t.categorie, "bij_hulpvorm_afgeleid") : null;
            if (hulpvorm == null || hulpvorm.isBlank()) {
                unmapped.merge(t.categorie == null ? NO_CATEGORY : t.categorie, 1, Integer::sum);
                continue;
            }
            if (!t.started) {
                stopsWithoutStart++;
            }
            String allocationKey = t.bsn + "|" + t.toewijzing;
            MessageFacts.Fact allocation = allocations.get(allocationKey);
            MessageFacts.Fact request = request(requests.getOrDefault(t.bsn, List.of()), allocation, t);
            String[] row = new String[Column.values().length];
            Arrays.fill(row, "");
            row[Column.BSN.ordinal()] = t.bsn;
            row[Column.GEBOORTEDATUM.ordinal()] = t.geboortedatum;
            row[Column.GESLACHT.ordinal()] = t.geslacht;
            row[Column.SOORT.ordinal()] = "jeugdhulp";
            row[Column.HULPVORM.ordinal()] = hulpvorm;
            row[Column.STARTDATUM.ordinal()] = t.start;
            row[Column.EINDDATUM.ordinal()] = t.end == null ? "" : t.end;
            row[Column.REDEN_BEEINDIGING.ordinal()] =
                    t.reden == null ? "" : bij(redenen, t.reden, "bij_reden_beeindiging_afgeleid");
            row[Column.PRODUCTCATEGORIE.ordinal()] = t.categorie;
            row[Column.AANBIEDER_AGB.ordinal()] = t.agb == null ? "" : t.agb;
            row[Column.AANMELDDATUM.ordinal()] = aanmelddatum(request, allocation, t.start);
            row[Column.VERWIJZER.ordinal()] = request == null || request.get("Verwijzer/Type") == null
                    ? ""
                    : bij(verwijzers, request.get("Verwijzer/Type"), "bij_verwijzer_afgeleid");
            row[Column.KOSTEN.ordinal()] = kosten(invoices.getOrDefault(allocationKey, List.of()), periode);
            rows.add(Arrays.asList(row));
            sources.add(
                    t.startFile == null
                            ? t.stopFile
                            : t.stopFile == null ? t.startFile : t.startFile + ", " + t.stopFile);
        }
        return new Result(rows, sources, stopsWithoutStart, unmapped);
    }

    private static void add(Trajectory t, MessageFacts.Fact f) {
        t.bsn = f.get("Client/Bsn");
        t.toewijzing = f.get("ToewijzingNummer");
        t.geboortedatum = f.get("Client/Geboortedatum/Datum");
        t.geslacht = f.get("Client/Geslacht");
        t.categorie = f.get("Product/Categorie");
        if (f.type() == MessageCheck.Type.JW305) {
            t.start = f.get("Begindatum");
            t.started = true;
            t.startFile = f.file();
            t.agb = f.get("Header/Afzender");
        } else {
            if (!t.started) {
                t.start = f.get("Begindatum");
            }
            t.end = f.get("Einddatum");
            t.reden = f.get("RedenBeeindiging");
            t.stopFile = f.file();
            if (t.agb == null) {
                t.agb = f.get("Header/Afzender");
            }
        }
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

    /** The JW315 linked to the allocation by ReferentieAanbieder, else the client's latest for the category up to the start. */
    private static MessageFacts.Fact request(
            List<MessageFacts.Fact> requests, MessageFacts.Fact allocation, Trajectory t) {
        String reference = allocation == null ? null : allocation.get("ReferentieAanbieder");
        MessageFacts.Fact latest = null;
        for (MessageFacts.Fact f : requests) {
            if (reference != null && reference.equals(f.get("ReferentieAanbieder"))) {
                return f;
            }
            String day = f.get("Header/BerichtIdentificatie/Dagtekening");
            if (t.categorie.equals(f.get("Product/Categorie"))
                    && day != null
                    && day.compareTo(t.start) <= 0
                    && (latest == null || day.compareTo(latest.get("Header/BerichtIdentificatie/Dagtekening")) > 0)) {
                latest = f;
            }
        }
        return latest;
    }

    private static String aanmelddatum(MessageFacts.Fact request, MessageFacts.Fact allocation, String start) {
        String requested = request == null ? null : request.get("Header/BerichtIdentificatie/Dagtekening");
        if (requested != null && requested.compareTo(start) <= 0) {
            return requested;
        }
        String allocated = allocation == null ? null : allocation.get("Toewijzingsdatum");
        return allocated != null && allocated.compareTo(start) <= 0 ? allocated : "";
    }

    /** Euros with two decimals, or empty when no invoice line of the periode names the allocation. */
    private static String kosten(List<MessageFacts.Fact> invoiceLines, Periode p) {
        long cents = 0;
        boolean any = false;
        Set<String> seen = new HashSet<>();
        for (MessageFacts.Fact f : invoiceLines) {
            String reference = f.get("ProductReferentie/ReferentieNummer");
            if (reference != null && !seen.add(reference)) {
                continue; // the same invoice line sent again (a correction is a credit line with its own number)
            }
            String from = f.get("ProductPeriode/Begindatum");
            String to = f.get("ProductPeriode/Einddatum");
            if (from == null
                    || to == null
                    || LocalDate.parse(to).isBefore(p.firstDay())
                    || LocalDate.parse(from).isAfter(p.lastDay())) {
                continue;
            }
            long amount = Long.parseLong(f.get("IngediendBedrag/Bedrag"));
            cents += "C".equalsIgnoreCase(f.get("IngediendBedrag/DebetCredit")) ? -amount : amount;
            any = true;
        }
        return any ? BigDecimal.valueOf(cents, 2).toPlainString() : "";
    }
}
