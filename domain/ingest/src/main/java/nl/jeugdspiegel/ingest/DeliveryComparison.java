package nl.jeugdspiegel.ingest;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.jeugdspiegel.contract.Availability;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.core.config.Settings;
import nl.jeugdspiegel.core.lake.LakeProfile;
import nl.jeugdspiegel.ingest.receipt.Receipt;

/**
 * The receipt's blocks about what an accepted delivery holds: {@code kenmerken}, {@code vergelijking_vorige} (against
 * the previous accepted delivery, with plain-language warnings when a change is implausibly large) and
 * {@code publicatie} (the indicators it leaves {@code niet_beschikbaar}, by the {@link Availability} rules).
 */
final class DeliveryComparison {

    /** Settings (environment variables) of the thresholds; docs/aanleveren.md "Vergelijking met de vorige levering". */
    static final String COUNT_PERCENT_SETTING = "VERGELIJKING_AANTAL_PROCENT";

    static final String FILL_POINTS_SETTING = "VERGELIJKING_VULGRAAD_PROCENTPUNT";
    static final String SHARE_POINTS_SETTING = "VERGELIJKING_AANDEEL_PROCENTPUNT";
    static final String MINIMUM_ROWS_SETTING = "VERGELIJKING_MINIMUM_RIJEN";
    static final String MINIMUM_DENOMINATOR_SETTING = "VERGELIJKING_MINIMUM_NOEMER";

    static final String REPLACED = Receipt.Vergelijking.VERVANGEN;
    static final String PREVIOUS_PERIODE = Receipt.Vergelijking.VORIGE_PERIODE;

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    /**
     * When a change is implausibly large: a count (rows, youths) changes by more than {@code countPercent} % of the
     * previous delivery's (when it had at least {@code minimumRows} rows), a fill rate by more than
     * {@code fillPoints} percentage points, a share (ended, met verblijf) by more than {@code sharePoints}, both
     * only when both denominators are at least {@code minimumDenominator}.
     */
    record Thresholds(
            double countPercent, double fillPoints, double sharePoints, long minimumRows, long minimumDenominator) {

        static final Thresholds DEFAULT = new Thresholds(25, 20, 10, 50, 20);

        static Thresholds fromSettings() {
            return new Thresholds(
                    Settings.getDouble(COUNT_PERCENT_SETTING, DEFAULT.countPercent),
                    Settings.getDouble(FILL_POINTS_SETTING, DEFAULT.fillPoints),
                    Settings.getDouble(SHARE_POINTS_SETTING, DEFAULT.sharePoints),
                    Settings.getInt(MINIMUM_ROWS_SETTING, (int) DEFAULT.minimumRows),
                    Settings.getInt(MINIMUM_DENOMINATOR_SETTING, (int) DEFAULT.minimumDenominator));
        }

        Receipt.Drempels asReceipt() {
            return new Receipt.Drempels(countPercent, fillPoints, sharePoints, minimumRows, minimumDenominator);
        }
    }

    private final Thresholds thresholds;

    DeliveryComparison(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** One share of a profile: numerator and denominator. */
    private record Share(long teller, long noemer) {
        Double value() {
            return noemer == 0 ? null : (double) teller / noemer;
        }
    }

    /** A fill rate: the column, what it is a share of, and its share. */
    private record Fill(String kolom, String waarvan, java.util.function.Function<LakeProfile, Share> share) {}

    private static final List<Fill> FILLS = List.of(
            new Fill(
                    "aanmelddatum",
                    "de jeugdhulp die in het halfjaar startte",
                    p -> new Share(p.jhGestartMetAanmelding(), p.jhGestart())),
            new Fill("kosten", "de jeugdhulpregels", p -> new Share(p.jhMetKosten(), p.jhRijen())),
            new Fill(
                    "zonder_hulp_verder",
                    "de jeugdhulp die in het halfjaar eindigde",
                    p -> new Share(p.jhBeeindigdZonderHulpVerder(), p.jhBeeindigd())),
            new Fill(
                    "tevredenheid",
                    "de jeugdhulp die in het halfjaar eindigde",
                    p -> new Share(p.jhBeeindigdTevredenheid(), p.jhBeeindigd())),
            new Fill("aanbieder_agb", "de jeugdhulpregels", p -> new Share(p.jhMetAanbieder(), p.jhRijen())));

    static Receipt.Kenmerken kenmerken(LakeProfile p) {
        Map<String, Double> fills = new LinkedHashMap<>();
        for (Fill f : FILLS) {
            fills.put(f.kolom(), f.share().apply(p).value());
        }
        return new Receipt.Kenmerken(
                p.rijen(),
                p.jeugdigen(),
                p.jhRijen(),
                fills,
                new Share(p.beeindigd(), p.rijen()).value(),
                new Share(p.jhMetVerblijf(), p.jhRijen()).value());
    }

    /**
     * This delivery ({@code now}) against the previous accepted one ({@code before}, in force for {@code periode}).
     *
     * @param grond {@link #REPLACED} or {@link #PREVIOUS_PERIODE}
     */
    Receipt.Vergelijking compare(
            LakeProfile now, LakeProfile before, Receipt.Levering previous, String periode, String grond) {
        List<Receipt.Meting> metingen = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        count(metingen, warnings, "rijen", "regels (trajecten)", now.rijen(), before.rijen(), before.rijen());
        count(
                metingen,
                warnings,
                "jeugdigen",
                "verschillende jeugdigen",
                now.jeugdigen(),
                before.jeugdigen(),
                before.rijen());
        for (Fill f : FILLS) {
            Share a = f.share().apply(before);
            Share b = f.share().apply(now);
            boolean warn = share(
                    metingen,
                    "vulgraad." + f.kolom(),
                    f.kolom() + " ingevuld bij " + f.waarvan(),
                    a,
                    b,
                    thresholds.fillPoints());
            if (warn) {
                warnings.add(String.format(
                        NL,
                        "De kolom %s is ingevuld bij %s van %s, bij de vorige levering bij %s. %s",
                        f.kolom(),
                        percent(b.value()),
                        f.waarvan(),
                        percent(a.value()),
                        b.value() < a.value()
                                ? "Controleer of de kolom nog goed uit uw systeem komt; de cijfers die deze kolom nodig "
                                        + "hebben, kunnen anders niet beschikbaar worden."
                                : "Controleer of de kolom hetzelfde betekent als in de vorige levering."));
            }
        }
        shareWarning(
                metingen,
                warnings,
                "aandeel_beeindigd",
                "trajecten dat in het halfjaar eindigde",
                new Share(before.beeindigd(), before.rijen()),
                new Share(now.beeindigd(), now.rijen()),
                "Controleer de einddatums: ontbreken ze, of staan er trajecten in die al eerder eindigden?");
        shareWarning(
                metingen,
                warnings,
                "aandeel_met_verblijf",
                "jeugdhulp met verblijf",
                new Share(before.jhMetVerblijf(), before.jhRijen()),
                new Share(now.jhMetVerblijf(), now.jhRijen()),
                "Controleer de hulpvorm (11–14 is met verblijf): is de codering veranderd?");
        return new Receipt.Vergelijking(previous, periode, grond, metingen, warnings, thresholds.asReceipt());
    }

    private void count(
            List<Receipt.Meting> metingen,
            List<String> warnings,
            String naam,
            String wat,
            long now,
            long before,
            long beforeRows) {
        Double change = before == 0 ? null : 100.0 * (now - before) / before;
        boolean warn = change != null
                && beforeRows >= thresholds.minimumRows()
                && Math.abs(change) > thresholds.countPercent();
        metingen.add(new Receipt.Meting(naam, wat, "aantal", (double) before, (double) now, change, warn));
        if (warn) {
            warnings.add(
                    String.format(
                            NL,
                            "Deze levering heeft %s %s, %s%% %s dan de vorige (%s). %s",
                            number(now),
                            wat,
                            number(Math.round(Math.abs(change))),
                            change < 0 ? "minder" : "meer",
                            number(before),
                            change < 0
                                    ? "Controleer of het bestand alle trajecten van het halfjaar bevat."
                                    : "Controleer of er geen trajecten van een andere gemeente of periode, of dubbel, in staan."));
        }
    }

    private void shareWarning(
            List<Receipt.Meting> metingen,
            List<String> warnings,
            String naam,
            String wat,
            Share before,
            Share now,
            String advice) {
        if (share(metingen, naam, "aandeel " + wat, before, now, thresholds.sharePoints())) {
            warnings.add(String.format(
                    NL,
                    "Het aandeel %s is %s, bij de vorige levering %s. %s",
                    wat,
                    percent(now.value()),
                    percent(before.value()),
                    advice));
        }
    }

    /** Adds the measure; true when its change is a warning. */
    private boolean share(
            List<Receipt.Meting> metingen, String naam, String wat, Share before, Share now, double maxPoints) {
        Double a = before.value();
        Double b = now.value();
        Double points = a == null || b == null ? null : 100 * (b - a);
        boolean warn = points != null
                && before.noemer() >= thresholds.minimumDenominator()
                && now.noemer() >= thresholds.minimumDenominator()
                && Math.abs(points) > maxPoints;
        metingen.add(new Receipt.Meting(naam, wat, "aandeel", a, b, points, warn));
        return warn;
    }

    /** The {@code publicatie} block: what the delivery leaves niet_beschikbaar, by the indicators' own rules. */
    static Receipt.Publicatie publicatie(LakeProfile profile, boolean fromMessages) {
        List<Receipt.NietBeschikbaar> missing = new ArrayList<>();
        for (Availability.Unavailable u : Availability.unavailable(Availability.Counts.of(profile, fromMessages))) {
            missing.add(new Receipt.NietBeschikbaar(
                    u.indicatoren().stream().map(Indicator::id).toList(), u.reden()));
        }
        return new Receipt.Publicatie(
                missing,
                "Deze indicatoren blijven voor deze gemeente en dit halfjaar niet beschikbaar door wat deze levering bevat"
                        + " (de regels staan op de methodepagina van de site). Daarnaast hangt het aantal per 1.000 jeugdigen af van het"
                        + " bevolkingsbestand, hangen de vervolgindicatoren af van de leveringen van het volgende halfjaar,"
                        + " en worden kleine aantallen op de site afgerond of weggelaten.");
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(NL).format(n);
    }

    private static String percent(Double fraction) {
        return fraction == null ? "–" : Availability.percent(fraction);
    }
}
