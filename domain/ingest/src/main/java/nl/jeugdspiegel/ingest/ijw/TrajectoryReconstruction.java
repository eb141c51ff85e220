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
import java.util.TreeSet;
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
 *   <li>soort comes from the product category (JZ020, column {@code soort_afgeleid} of
 *       {@code reference/codes/ijw_jz020_productcategorie.csv}): 31–46 and 50–55 jeugdhulp, 47 and 49
 *       jeugdreclassering, 48 jeugdbescherming; 42 (vervoer) is no trajectory and is only counted. hulpvorm comes
 *       from the municipality's {@link ProductMapping} where it names the product, else from the category
 *       ({@code bij_hulpvorm_afgeleid}: 31–38 and 41), else it stays empty and the receipt counts it per
 *       category, with the product codes a mapping would resolve. verblijf follows in the lake
 *       ({@code Verblijf.of}). A start or stop without a Product, or with an unknown category, is reported and
 *       left out.</li>
 *   <li>The chain: the allocation is the JW301 with the trajectory's ToewijzingNummer; the request is the
 *       JW315 with the allocation's ReferentieAanbieder, or, without that link, the client's latest JW315 for
 *       the same category dated on or before the start.</li>
 *   <li>reden_beeindiging: JZ588 → BIJ ({@code bij_reden_beeindiging_afgeleid}) for jeugdhulp; empty for
 *       measures (JZ588 has no counterpart of the BIJ measure codes); verwijzer: the request's
 *       COD327 → BIJ ({@code bij_verwijzer_afgeleid}), or without a request but with an allocation 01 (the
 *       municipality's own decision); aanmelddatum: the request's dagtekening, else the
 *       allocation's Toewijzingsdatum, whichever is first found on or before the start (a request or
 *       allocation made after care began says nothing about the wait, so then it stays empty);
 *       aanbieder_agb: the sender (Afzender) of the JW305/JW307; kosten: the JW323 amounts (debet minus
 *       credit, in cents) of the ToewijzingNummer whose product period overlaps the periode, each invoice
 *       line (ProductReferentie) counted once.</li>
 *   <li>Only trajectories active in the periode of the delivery are kept.</li>
 *   <li>Who is waiting at the periode's last day L (indicators "wachtend_einde_periode"): a client with a
 *       JW315 request dated on or before L, or a JW301 allocation made on or before L, for jeugdhulp, that has
 *       no JW305 start on or before L (through the allocation's ToewijzingNummer, or for a request its
 *       allocation by ReferentieAanbieder, or without that link a start of the client in the same category on or
 *       after the request), and that was not withdrawn (an allocation whose Einddatum lies before L ended
 *       unused, and so did the request it answers). Per client the earliest such date counts.</li>
 * </ul>
 */
public final class TrajectoryReconstruction {

    /** A client waiting at the periode's last day: BSN (in the work folder only), since when, for which category. */
    public record WaitingClient(String bsn, String sinds, String categorie) {}

    /**
     * The rows in {@link Column} order, for each row the messages it came from, who is waiting, and what the receipt
     * should say about the reconstruction. Results of parts of a delivery (clients split over buckets) add up.
     *
     * @param withoutHulpvorm per product category, trajectories without a hulpvorm
     * @param productCodes    per product category, the product codes of those trajectories (at most
     *                        {@link #MAX_CODES_SHOWN})
     * @param vervoer         trajectories of category 42 (vervoer), which are no care trajectories
     * @param mapped          trajectories whose hulpvorm the product mapping gave
     */
    public record Result(
            List<List<String>> rows,
            List<String> sources,
            List<WaitingClient> waiting,
            int stopsWithoutStart,
            Map<String, Integer> unmapped,
            Map<String, Integer> withoutHulpvorm,
            Map<String, Set<String>> productCodes,
            int vervoer,
            int mapped) {

        public static final Result EMPTY =
                new Result(List.of(), List.of(), List.of(), 0, Map.of(), Map.of(), Map.of(), 0, 0);

        /** The counts of both, without rows. */
        public Result plusCounts(Result other) {
            Map<String, Integer> all = new TreeMap<>(unmapped);
            other.unmapped.forEach((c, n) -> all.merge(c, n, Integer::sum));
            Map<String, Integer> without = new TreeMap<>(withoutHulpvorm);
            other.withoutHulpvorm.forEach((c, n) -> without.merge(c, n, Integer::sum));
            Map<String, Set<String>> codes = new TreeMap<>();
            for (Map<String, Set<String>> m : List.of(productCodes, other.productCodes)) {
                m.forEach((c, set) -> {
                    Set<String> into = codes.computeIfAbsent(c, k -> new TreeSet<>());
                    for (String code : set) {
                        if (into.size() < MAX_CODES_SHOWN) {
                            into.add(code);
                        }
                    }
                });
            }
            return new Result(
                    List.of(),
                    List.of(),
                    List.of(),
                    stopsWithoutStart + other.stopsWithoutStart,
                    all,
                    without,
                    codes,
                    vervoer + other.vervoer,
                    mapped + other.mapped);
        }

        public List<String> warnings() {
            List<String> warnings = new ArrayList<>();
            if (stopsWithoutStart > 0) {
                warnings.add(
                        stopsWithoutStart + " traject(en) met een JW307 (stop) zonder JW305 (start): de begindatum "
                                + "komt uit de JW307");
            }
            unmapped.forEach((categorie, n) -> warnings.add(n + " traject(en) met productcategorie " + categorie
                    + " niet opgenomen: geen bekende iJw-productcategorie (JZ020)"));
            if (vervoer > 0) {
                warnings.add(vervoer + " product(en) van categorie 42 (vervoerdiensten) overgeslagen: vervoer is "
                        + "geen jeugdhulptraject");
            }
            withoutHulpvorm.forEach((categorie, n) -> warnings.add(n + " traject(en) van productcategorie "
                    + categorie + " zonder hulpvorm: de categorie bepaalt die niet; een productcodebestand "
                    + "(reference/productcodes/{gemeentecode}.csv) kan ze toewijzen"));
            return warnings;
        }
    }

    /** How the receipt names a start or stop without a Product (it is optional in JW305 and JW307). */
    static final String NO_CATEGORY = "(geen Product in het bericht)";
    /**
     * The verwijzer of jeugdhulp allocated (JW301) without a request (JW315): the municipality itself (BIJ 01,
     * gemeentelijke toegang). A JW315 is how a huisarts, jeugdarts or other verwijzer's referral reaches the
     * municipality; an allocation without one is the municipality's own decision.
     */
    static final String GEMEENTE_VERWIJZER = "01";

    /** Product codes listed per category in the receipt, at most. */
    public static final int MAX_CODES_SHOWN = 100;

    private final CodeList categories = ReferenceData.get().codeList(ReferenceData.IJW_PRODUCTCATEGORIE);
    private final CodeList redenen = ReferenceData.get().codeList(ReferenceData.IJW_REDEN_BEEINDIGING);
    private final CodeList verwijzers = ReferenceData.get().codeList(ReferenceData.IJW_VERWIJZER);

    private static final class Trajectory {
        String bsn;
        String toewijzing;
        String geboortedatum;
        String geslacht;
        String categorie;
        String productcode;
        String start;
        String end;
        String reden;
        String agb;
        String startFile;
        String stopFile;
        boolean started;
    }

    /** The facts of one delivery (or of a part of it that holds all messages of its clients), without a mapping. */
    public Result reconstruct(Periode periode, Collection<MessageFacts.Fact> facts) {
        return reconstruct(periode, facts, ProductMapping.NONE);
    }

    /** The facts of one delivery (or of a part of it that holds all messages of its clients). */
    public Result reconstruct(Periode periode, Collection<MessageFacts.Fact> facts, ProductMapping mapping) {
        Map<String, Trajectory> byKey = new TreeMap<>();
        Map<String, List<MessageFacts.Fact>> requests = new TreeMap<>();
        Map<String, MessageFacts.Fact> allocations = new HashMap<>();
        Map<String, List<MessageFacts.Fact>> allocationVersions = new TreeMap<>();
        Map<String, List<MessageFacts.Fact>> invoices = new HashMap<>();
        for (MessageFacts.Fact f : facts) {
            String bsn = f.get("Client/Bsn");
            switch (f.type()) {
                case JW315 ->
                    requests.computeIfAbsent(bsn, b -> new ArrayList<>()).add(f);
                case JW301 -> {
                    String key = bsn + "|" + f.get("ToewijzingNummer");
                    allocations.putIfAbsent(key, f);
                    allocationVersions
                            .computeIfAbsent(key, k -> new ArrayList<>())
                            .add(f);
                }
                case JW323 ->
                    invoices.computeIfAbsent(bsn + "|" + f.get("ToewijzingNummer"), b -> new ArrayList<>())
                            .add(f);
                case JW305, JW307 -> add(byKey.computeIfAbsent(key(f), k -> new Trajectory()), f);
            }
        }
        int stopsWithoutStart = 0;
        int vervoer = 0;
        int mapped = 0;
        Map<String, Integer> unmapped = new TreeMap<>();
        Map<String, Integer> withoutHulpvorm = new TreeMap<>();
        Map<String, Set<String>> productCodes = new TreeMap<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Trajectory t : byKey.values()) {
            if (!active(t, periode)) {
                continue;
            }
            if (t.categorie == null || !categories.contains(t.categorie)) {
                unmapped.merge(t.categorie == null ? NO_CATEGORY : t.categorie, 1, Integer::sum);
                continue;
            }
            String soort = soortOf(t.categorie);
            if (soort == null) { // a known category that is no trajectory: 42 vervoer
                vervoer++;
                continue;
            }
            String hulpvorm = mapping.hulpvorm(t.categorie, t.productcode);
            if (hulpvorm != null) {
                mapped++;
            } else {
                hulpvorm = categories.value(t.categorie, "bij_hulpvorm_afgeleid");
            }
            if (hulpvorm == null || hulpvorm.isBlank()) {
                hulpvorm = "";
                withoutHulpvorm.merge(t.categorie, 1, Integer::sum);
                if (t.productcode != null) {
                    Set<String> codes = productCodes.computeIfAbsent(t.categorie, c -> new TreeSet<>());
                    if (codes.size() < MAX_CODES_SHOWN) {
                        codes.add(t.productcode);
                    }
                }
            }
            if (!t.started) {
                stopsWithoutStart++;
            }
            boolean jeugdhulp = nl.jeugdspiegel.core.lake.Trajectory.JEUGDHULP.equals(soort);
            String allocationKey = t.bsn + "|" + t.toewijzing;
            MessageFacts.Fact allocation = allocations.get(allocationKey);
            MessageFacts.Fact request = request(requests.getOrDefault(t.bsn, List.of()), allocation, t);
            String[] row = new String[Column.values().length];
            Arrays.fill(row, "");
            row[Column.BSN.ordinal()] = t.bsn;
            row[Column.GEBOORTEDATUM.ordinal()] = t.geboortedatum;
            row[Column.GESLACHT.ordinal()] = t.geslacht;
            row[Column.SOORT.ordinal()] = soort;
            row[Column.HULPVORM.ordinal()] = hulpvorm;
            row[Column.STARTDATUM.ordinal()] = t.start;
            row[Column.EINDDATUM.ordinal()] = t.end == null ? "" : t.end;
            row[Column.REDEN_BEEINDIGING.ordinal()] =
                    t.reden == null || !jeugdhulp ? "" : bij(redenen, t.reden, "bij_reden_beeindiging_afgeleid");
            row[Column.PRODUCTCATEGORIE.ordinal()] = t.categorie;
            row[Column.AANBIEDER_AGB.ordinal()] = t.agb == null ? "" : t.agb;
            row[Column.AANMELDDATUM.ordinal()] = aanmelddatum(request, allocation, t.start);
            row[Column.VERWIJZER.ordinal()] = request != null && request.get("Verwijzer/Type") != null
                    ? bij(verwijzers, request.get("Verwijzer/Type"), "bij_verwijzer_afgeleid")
                    : allocation != null && jeugdhulp ? GEMEENTE_VERWIJZER : "";
            row[Column.KOSTEN.ordinal()] = kosten(invoices.getOrDefault(allocationKey, List.of()), periode);
            rows.add(Arrays.asList(row));
            sources.add(
                    t.startFile == null
                            ? t.stopFile
                            : t.stopFile == null ? t.startFile : t.startFile + ", " + t.stopFile);
        }
        List<WaitingClient> waiting = waiting(periode, byKey.values(), requests, allocationVersions);
        return new Result(
                rows, sources, waiting, stopsWithoutStart, unmapped, withoutHulpvorm, productCodes, vervoer, mapped);
    }

    /** Who waits at L: see the class comment. One entry per client, with the earliest open date. */
    private List<WaitingClient> waiting(
            Periode periode,
            Collection<Trajectory> trajectories,
            Map<String, List<MessageFacts.Fact>> requests,
            Map<String, List<MessageFacts.Fact>> allocationVersions) {
        String last = periode.lastDay().toString();
        Set<String> startedAllocations = new HashSet<>();
        Map<String, List<Trajectory>> startsByClient = new HashMap<>();
        for (Trajectory t : trajectories) {
            if (t.started && t.start != null && t.start.compareTo(last) <= 0) {
                startedAllocations.add(t.bsn + "|" + t.toewijzing);
                startsByClient.computeIfAbsent(t.bsn, b -> new ArrayList<>()).add(t);
            }
        }
        Map<String, WaitingClient> byClient = new TreeMap<>();
        Map<String, MessageFacts.Fact> allocationByReference = new HashMap<>();
        Set<String> withdrawnReferences = new HashSet<>();
        for (Map.Entry<String, List<MessageFacts.Fact>> e : allocationVersions.entrySet()) {
            MessageFacts.Fact latest = latest(e.getValue());
            String bsn = latest.get("Client/Bsn");
            String reference = latest.get("ReferentieAanbieder");
            boolean started = startedAllocations.contains(e.getKey());
            boolean withdrawn = isBefore(latest.get("Einddatum"), last);
            if (reference != null) {
                allocationByReference.put(bsn + "|" + reference, latest);
                if (withdrawn && !started) {
                    withdrawnReferences.add(bsn + "|" + reference);
                }
            }
            String allocated = latest.get("Toewijzingsdatum");
            if (started || withdrawn || !forJeugdhulp(latest) || allocated == null || allocated.compareTo(last) > 0) {
                continue;
            }
            waits(byClient, bsn, allocated, latest.get("Product/Categorie"));
        }
        for (List<MessageFacts.Fact> ofClient : requests.values()) {
            for (MessageFacts.Fact request : ofClient) {
                String bsn = request.get("Client/Bsn");
                String day = request.get("Header/BerichtIdentificatie/Dagtekening");
                if (day == null || day.compareTo(last) > 0 || !forJeugdhulp(request)) {
                    continue;
                }
                String reference = request.get("ReferentieAanbieder");
                MessageFacts.Fact allocation =
                        reference == null ? null : allocationByReference.get(bsn + "|" + reference);
                if (allocation != null) {
                    if (startedAllocations.contains(bsn + "|" + allocation.get("ToewijzingNummer"))
                            || withdrawnReferences.contains(bsn + "|" + reference)) {
                        continue;
                    }
                } else if (startedSince(startsByClient.getOrDefault(bsn, List.of()), request, day)) {
                    continue;
                }
                waits(byClient, bsn, day, request.get("Product/Categorie"));
            }
        }
        return new ArrayList<>(byClient.values());
    }

    private static void waits(Map<String, WaitingClient> byClient, String bsn, String since, String categorie) {
        WaitingClient known = byClient.get(bsn);
        if (known == null || since.compareTo(known.sinds()) < 0) {
            byClient.put(bsn, new WaitingClient(bsn, since, categorie));
        }
    }

    /** A start of the client in the request's category on or after the request (when no allocation links them). */
    private static boolean startedSince(List<Trajectory> starts, MessageFacts.Fact request, String day) {
        for (Trajectory t : starts) {
            if (t.categorie != null
                    && t.categorie.equals(request.get("Product/Categorie"))
                    && t.start.compareTo(day) >= 0) {
                return true;
            }
        }
        return false;
    }

    private boolean forJeugdhulp(MessageFacts.Fact f) {
        return nl.jeugdspiegel.core.lake.Trajectory.JEUGDHULP.equals(soortOf(f.get("Product/Categorie")));
    }

    /** The soort of a product category's trajectories; null for an unknown category or one that is none (42). */
    private String soortOf(String categorie) {
        return categorie != null
                        && categories.contains(categorie)
                        && "ja".equals(categories.value(categorie, "traject"))
                ? categories.value(categorie, "soort_afgeleid")
                : null;
    }

    private static MessageFacts.Fact latest(List<MessageFacts.Fact> versions) {
        MessageFacts.Fact latest = versions.get(0);
        for (MessageFacts.Fact f : versions) {
            String day = f.get("Header/BerichtIdentificatie/Dagtekening");
            String best = latest.get("Header/BerichtIdentificatie/Dagtekening");
            if (day != null && (best == null || day.compareTo(best) > 0)) {
                latest = f;
            }
        }
        return latest;
    }

    private static boolean isBefore(String date, String last) {
        return date != null && !date.isEmpty() && date.compareTo(last) < 0;
    }

    private static void add(Trajectory t, MessageFacts.Fact f) {
        t.bsn = f.get("Client/Bsn");
        t.toewijzing = f.get("ToewijzingNummer");
        t.geboortedatum = f.get("Client/Geboortedatum/Datum");
        t.geslacht = f.get("Client/Geslacht");
        t.categorie = f.get("Product/Categorie");
        t.productcode = f.get("Product/Code");
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
